package io.chainretail.agent.devices;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A barcode scanner behind a serial-to-network adapter, as the agent reaches it at {@code tcp://127.0.0.1:port}:
 * it accepts the agent's connection and sends whatever bytes a test gives it, in one write each.
 */
final class TcpScanner implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<Socket> agent = new CompletableFuture<>();

    TcpScanner() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                agent.complete(server.accept());
            } catch (IOException e) {
                agent.completeExceptionally(e);
            }
        }, "tcp-scanner");
        accept.setDaemon(true);
        accept.start();
    }

    String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Sends these characters in one write, once the agent has connected. */
    void send(String text) {
        try {
            OutputStream out = agent.get(15, TimeUnit.SECONDS).getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the agent never connected to the scanner", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (agent.isDone() && !agent.isCompletedExceptionally()) {
            agent.join().close();
        }
    }
}
