package io.chainretail.devices.transport;

import java.io.IOException;

/**
 * Bytes to and from one device, whatever carries them: a serial port, USB bulk endpoints, a TCP
 * socket, a device file, or memory in tests. Protocols are written against this and nothing else.
 */
public interface Transport extends AutoCloseable {

    /** Opens the underlying channel; a transport may be opened again after {@link #close()}. */
    void open() throws IOException;

    boolean isOpen();

    /** Writes all of {@code bytes} in one call, so a receipt reaches the device as one write. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads what is available into {@code buffer}, waiting at most {@code timeoutMillis}.
     *
     * @return the number of bytes read, 0 on timeout
     * @throws IOException when the device is gone (unplugged, connection closed)
     */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    @Override
    void close();
}
