package io.chainretail.devices.sim;

import io.chainretail.devices.escpos.EscPosDecoder;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.transport.SerialTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A receipt printer that speaks ESC/POS over a real transport: a TCP port (like a network printer's
 * 9100) or one end of a serial line (a socat pseudo-terminal pair). It prints each job up to its cut
 * as text, and as a PNG when given a folder; answers {@code DLE EOT} and sends automatic status back
 * when enabled; can run out of paper (or nearly), have its cover open, be unplugged and plugged in again,
 * ignore {@code GS a} as some printers do, and drop the connection in the middle of a receipt.
 */
public final class PrinterSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PrinterSimulator.class.getName());

    /**
     * One printed receipt: its text, what else happened (barcodes, QR, cut), its image if kept (with a
     * .txt), and when (System.nanoTime) its last byte arrived.
     */
    public record Printed(String text, List<String> events, Path image, long receivedNanos) {
    }

    private final PrinterProfile profile;
    private final Endpoint endpoint;
    private final Path imageDir;
    private final AtomicInteger nextReceiptNo;
    private final List<Printed> printed = new CopyOnWriteArrayList<>();
    private final List<String> drawerKicks = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paperOut;
    private volatile boolean coverOpen;
    private volatile boolean unplugged;
    private volatile boolean paperNearEnd;
    private volatile boolean withoutAutomaticStatus;
    private volatile int dropAfterBytes = -1;
    private volatile Link link;
    private int automaticStatus;
    private int handledEvents;

    /** Receipts are numbered on from those already in the folder: a restart never overwrites the earlier ones. */
    private static int firstFreeNumber(Path imageDir) {
        if (imageDir == null || !Files.isDirectory(imageDir)) {
            return 1;
        }
        try (var files = Files.list(imageDir)) {
            return 1 + files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("receipt-\\d+\\.txt"))
                    .mapToInt(name -> Integer.parseInt(name.substring("receipt-".length(), name.length() - 4)))
                    .max().orElse(0);
        } catch (IOException e) {
            return 1;
        }
    }

    private PrinterSimulator(PrinterProfile profile, Endpoint endpoint, Path imageDir) {
        this.profile = profile;
        this.endpoint = endpoint;
        this.imageDir = imageDir;
        this.nextReceiptNo = new AtomicInteger(firstFreeNumber(imageDir));
        this.thread = new Thread(this::run, "printer-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** A network printer on {@code port} of the loopback interface (0: any free port). */
    public static PrinterSimulator onTcp(int port, PrinterProfile profile, Path imageDir) throws IOException {
        return new PrinterSimulator(profile, new TcpEndpoint(port), imageDir);
    }

    /** A serial printer on the device at {@code path}, e.g. one end of a socat pty pair. */
    public static PrinterSimulator onSerial(String path, PrinterProfile profile, Path imageDir) {
        return new PrinterSimulator(profile, new SerialEndpoint(path), imageDir);
    }

    /** The TCP port, for a TCP simulator. */
    public int port() {
        return endpoint instanceof TcpEndpoint tcp ? tcp.port() : -1;
    }

    public List<Printed> printed() {
        return List.copyOf(printed);
    }

    public List<String> drawerKicks() {
        return List.copyOf(drawerKicks);
    }

    /** Waits until {@code count} receipts were printed; false on timeout. */
    public boolean awaitPrinted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (printed.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return printed.size() >= count;
    }

    public void paperOut(boolean out) {
        paperOut = out;
        sendAutomaticStatus();
        received(new byte[0], 0);
    }

    public void paperNearEnd(boolean nearEnd) {
        paperNearEnd = nearEnd;
        sendAutomaticStatus();
    }

    /** A printer that ignores {@code GS a} and only answers {@code DLE EOT}. */
    public void withoutAutomaticStatus() {
        withoutAutomaticStatus = true;
    }

    /** Reads {@code bytes} more bytes, then drops the connection, as a printer that loses power mid-receipt. */
    public void dropConnectionAfter(int bytes) {
        dropAfterBytes = bytes;
    }

    public void coverOpen(boolean open) {
        coverOpen = open;
        sendAutomaticStatus();
        received(new byte[0], 0);
    }

    /** Drops the connection and refuses new ones until {@link #plugIn()}. */
    /**
     * Pulls the printer's cable: the connection drops and, for a network printer, its port stops taking
     * connections (refused, as a printer that is off), so a driver must keep trying.
     */
    public void unplug() {
        unplugged = true;
        endpoint.unplug();
        Link current = link;
        if (current != null) {
            current.close();
        }
    }

    /** Plugs it back in: a network printer takes connections on the same port again. */
    public void plugIn() {
        try {
            endpoint.plugIn();
        } catch (IOException e) {
            throw new UncheckedIOException("the printer simulator cannot listen on its port again", e);
        }
        unplugged = false;
    }

    @Override
    public void close() {
        running = false;
        unplug();
        endpoint.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        byte[] buffer = new byte[4096];
        while (running) {
            try {
                if (unplugged) {
                    Thread.sleep(20);
                    continue;
                }
                Link current = endpoint.accept();
                if (current == null) {
                    continue;
                }
                link = current;
                synchronized (pending) {
                    pending.reset();
                    handledEvents = 0;
                    automaticStatus = 0;
                }
                while (running && !unplugged) {
                    int read = current.read(buffer, 50);
                    if (read < 0) {
                        break;
                    }
                    int dropAfter = dropAfterBytes;
                    if (read > 0 && dropAfter >= 0 && read >= dropAfter) {
                        received(buffer, dropAfter);
                        dropAfterBytes = -1;
                        break;
                    }
                    if (read > 0) {
                        dropAfterBytes = dropAfter >= 0 ? dropAfter - read : -1;
                        received(buffer, read);
                    }
                }
                current.close();
                link = null;
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.FINE, "printer simulator connection ended", e);
                }
            }
        }
    }

    private void received(byte[] bytes, int count) {
        synchronized (pending) {
            pending.write(bytes, 0, count);
            EscPosDecoder decoder = new EscPosDecoder(profile);
            byte[] all = pending.toByteArray();
            List<String> events = decoder.decode(all).events();
            for (int i = handledEvents; i < events.size(); i++) {
                String event = events.get(i);
                if (event.startsWith("status request ")) {
                    reply(new byte[] {realTimeStatus(Integer.parseInt(event.substring(15)))});
                } else if (event.startsWith("automatic status ") && !withoutAutomaticStatus) {
                    automaticStatus = Integer.parseInt(event.substring(17));
                    sendAutomaticStatus();
                } else if (event.startsWith("drawer kick")) {
                    drawerKicks.add(event);
                } else if (event.endsWith("cut")) {
                    if (paperOut || coverOpen) {
                        handledEvents = i; // held until paper is back, as a real printer's buffer holds it
                        return;
                    }
                    // Everything up to the cut is one receipt; what follows is the next job.
                    int end = decoder.endOfEvent(all, i);
                    EscPosDecoder.Decoded receipt = decoder.decode(java.util.Arrays.copyOf(all, end));
                    if (!receipt.errors().isEmpty()) {
                        LOG.warning("printer simulator could not read: " + receipt.errors());
                    }
                    print(receipt, System.nanoTime());
                    pending.reset();
                    pending.write(all, end, all.length - end);
                    handledEvents = 0;
                    received(new byte[0], 0);
                    return;
                }
            }
            handledEvents = events.size();
        }
    }

    private void print(EscPosDecoder.Decoded receipt, long receivedNanos) {
        String text = receipt.text();
        List<String> events = receipt.events();
        Path image = null;
        if (imageDir != null) {
            try {
                String name = "receipt-" + nextReceiptNo.getAndIncrement();
                image = ReceiptImage.write(receipt.lines(), events, profile, imageDir.resolve(name + ".png"));
                Files.writeString(imageDir.resolve(name + ".txt"), text);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not write the receipt image", e);
            }
        }
        printed.add(new Printed(text, new ArrayList<>(events), image, receivedNanos));
    }

    private byte realTimeStatus(int n) {
        return (byte) switch (n) {
            case 1 -> 0x12 | (paperOut || coverOpen ? 0x08 : 0);
            case 2 -> 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (paperOut || coverOpen ? 0x40 : 0);
            case 4 -> 0x12 | (paperOut ? 0x6C : 0) | (paperNearEnd ? 0x0C : 0);
            default -> 0x12;
        };
    }

    private void sendAutomaticStatus() {
        if (automaticStatus == 0) {
            return;
        }
        boolean offline = paperOut || coverOpen;
        byte first = (byte) (0x10 | (offline ? 0x08 : 0) | (coverOpen ? 0x20 : 0));
        reply(new byte[] {first, 0, (byte) ((paperOut ? 0x0F : 0) | (paperNearEnd ? 0x03 : 0)), 0});
    }

    private void reply(byte[] bytes) {
        Link current = link;
        if (current != null) {
            try {
                current.write(bytes);
            } catch (IOException e) {
                LOG.log(Level.FINE, "printer simulator could not reply", e);
            }
        }
    }

    /** One connection to the simulated printer. */
    private interface Link {
        /** Bytes read, 0 on timeout, -1 when the other side went away. */
        int read(byte[] buffer, int timeoutMillis) throws IOException;

        void write(byte[] bytes) throws IOException;

        void close();
    }

    /** Where connections come from. */
    private interface Endpoint {
        /** The next connection, or null when none came within a moment. */
        Link accept() throws IOException;

        /** Stops taking connections, as an unplugged device. */
        default void unplug() {
        }

        /** Takes connections again. */
        default void plugIn() throws IOException {
        }

        void close();
    }

    private static final class TcpEndpoint implements Endpoint {

        private volatile ServerSocket server;
        private final int port;

        TcpEndpoint(int port) throws IOException {
            server = listen(port);
            this.port = server.getLocalPort();
        }

        private static ServerSocket listen(int port) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            socket.setSoTimeout(100);
            return socket;
        }

        int port() {
            return port;
        }

        @Override
        public void unplug() {
            try {
                server.close();
            } catch (IOException e) {
                // closed either way
            }
        }

        @Override
        public void plugIn() throws IOException {
            if (server.isClosed()) {
                server = listen(port);
            }
        }

        @Override
        public Link accept() throws IOException {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                return null;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            return new Link() {
                @Override
                public int read(byte[] buffer, int timeoutMillis) throws IOException {
                    socket.setSoTimeout(timeoutMillis);
                    try {
                        return in.read(buffer);
                    } catch (SocketTimeoutException e) {
                        return 0;
                    }
                }

                @Override
                public void write(byte[] bytes) throws IOException {
                    out.write(bytes);
                    out.flush();
                }

                @Override
                public void close() {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            };
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static final class SerialEndpoint implements Endpoint {

        private final String path;

        SerialEndpoint(String path) {
            this.path = path;
        }

        @Override
        public Link accept() throws IOException {
            SerialTransport serial = new SerialTransport(path, 115_200);
            try {
                serial.open();
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
            return new Link() {
                @Override
                public int read(byte[] buffer, int timeoutMillis) {
                    try {
                        return serial.read(buffer, timeoutMillis);
                    } catch (IOException e) {
                        return -1;
                    }
                }

                @Override
                public void write(byte[] bytes) throws IOException {
                    serial.write(bytes);
                }

                @Override
                public void close() {
                    serial.close();
                }
            };
        }

        @Override
        public void close() {
            // the pty belongs to socat
        }
    }
}
