package io.chainretail.devices.transport;

import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * A device file the kernel's driver provides, such as {@code /dev/usb/lp0} (usblp) for a USB printer:
 * written like a file. The printer's replies do not come back this way (a blocking read on usblp could
 * hang the device's thread), so reads only wait out their timeout; use the USB or serial transport where
 * paper-out must be seen. A regular file can stand in for the device in tests and reads back.
 */
public final class DeviceFileTransport implements Transport {

    private final String path;
    private RandomAccessFile file;

    public DeviceFileTransport(String path) {
        this.path = path;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        try {
            file = new RandomAccessFile(path, "rw");
        } catch (IOException e) {
            throw new IOException("cannot open " + path + " (unplugged, or no permission: group 'lp'): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return file != null;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        requireOpen().write(bytes);
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        do {
            synchronized (this) {
                RandomAccessFile current = requireOpen();
                if (isRegularFile() && current.length() > current.getFilePointer()) {
                    int read = current.read(buffer);
                    if (read > 0) {
                        return read;
                    }
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        } while (System.currentTimeMillis() < deadline);
        return 0;
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // closing anyway
            }
            file = null;
        }
    }

    @Override
    public String toString() {
        return "file:" + path;
    }

    private boolean isRegularFile() {
        return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path));
    }

    private RandomAccessFile requireOpen() throws IOException {
        if (file == null) {
            throw new IOException(this + " is not open");
        }
        return file;
    }
}
