package io.chainretail.devices.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A serial device (RS-232, a USB CDC-ACM scanner, an RS-485 adapter) through jSerialComm, opened by
 * path. The path may be a symlink (a udev rule's {@code /dev/receipt-printer}) or a pseudo-terminal
 * ({@code /dev/pts/3}, what socat makes for tests): jSerialComm does not list ptys, so the port is never
 * looked up by enumeration, only opened by its resolved path.
 *
 * <p>When the device is unplugged the port is closed at the first sign of it (a failed read or write,
 * or the device node gone: a pty whose other end died never reports an error), and every call after
 * that fails at once, so the device's owner reconnects with its backoff instead of spinning on a dead
 * port. There is deliberately no jSerialComm disconnect listener: closing from its event thread while
 * the owner also closes deadlocked in tests (jSerialComm issues #266, #577), and the owner's reads
 * already see the disconnect within one read slice.
 */
public final class SerialTransport implements Transport {

    private static final int READ_SLICE_MILLIS = 20;

    private final String path;
    private final SerialSettings settings;
    private SerialPort port;
    private volatile boolean gone;

    /** 8N1 at {@code baudRate}. */
    public SerialTransport(String path, int baudRate) {
        this(path, SerialSettings.of(baudRate));
    }

    public SerialTransport(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        Path device = Path.of(path);
        if (!Files.exists(device)) {
            throw new IOException(path + " does not exist (unplugged?)");
        }
        SerialPort opening = SerialPort.getCommPort(device.toRealPath().toString());
        opening.setComPortParameters(settings.baudRate(), settings.dataBits(), settings.jSerialCommStopBits(),
                settings.jSerialCommParity());
        opening.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Set once: changing timeouts per call races a read on another thread (a simulator's replies).
        opening.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MILLIS, 5_000);
        if (!opening.openPort()) {
            throw new IOException("cannot open " + path + " (in use, or no permission: add the user to 'dialout')");
        }
        gone = false;
        port = opening;
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null && port.isOpen() && !gone;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SerialPort current = current();
        int written = current.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            close();
            throw new IOException("wrote " + written + " of " + bytes.length + " bytes to " + path);
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        do {
            int read = current().readBytes(buffer, buffer.length);
            if (read < 0 || gone) {
                close();
                throw new IOException(path + " is gone");
            }
            if (read > 0) {
                return read;
            }
        } while (System.currentTimeMillis() < deadline);
        if (!Files.exists(Path.of(path))) {
            // A pty whose other end died reads as silence, not an error: its device node is gone.
            gone = true;
            close();
            throw new IOException(path + " is gone");
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public String toString() {
        return "serial:" + path;
    }

    private synchronized SerialPort current() throws IOException {
        if (!isOpen()) {
            throw new IOException(this + " is not open");
        }
        return port;
    }
}
