package io.chainretail.devices.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A network printer's raw port (9100, "JetDirect"), or any device that speaks bytes over TCP. */
public final class TcpTransport implements Transport {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        Socket connecting = new Socket();
        try {
            connecting.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            connecting.setTcpNoDelay(true);
            connecting.setKeepAlive(true);
        } catch (IOException e) {
            connecting.close();
            throw new IOException("cannot reach " + this + ": " + e.getMessage(), e);
        }
        socket = connecting;
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    @Override
    public synchronized boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        OutputStream stream = stream();
        stream.write(bytes);
        stream.flush();
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        Socket current;
        InputStream stream;
        synchronized (this) {
            requireOpen();
            current = socket;
            stream = in;
        }
        current.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            int read = stream.read(buffer);
            if (read < 0) {
                close();
                throw new IOException(this + " closed the connection");
            }
            return read;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }

    private synchronized OutputStream stream() throws IOException {
        requireOpen();
        return out;
    }

    private void requireOpen() throws IOException {
        if (!isOpen()) {
            throw new IOException(this + " is not open");
        }
    }
}
