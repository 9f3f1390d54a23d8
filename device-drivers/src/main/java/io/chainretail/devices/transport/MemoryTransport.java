package io.chainretail.devices.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory transport for tests: records every write, and replays queued replies to reads. */
public final class MemoryTransport implements Transport {

    private final List<byte[]> writes = new ArrayList<>();
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    private boolean open;

    @Override
    public synchronized void open() {
        open = true;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        requireOpen();
        writes.add(bytes.clone());
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        requireOpen();
        try {
            byte[] reply = replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (reply == null) {
                return 0;
            }
            int length = Math.min(reply.length, buffer.length);
            System.arraycopy(reply, 0, buffer, 0, length);
            return length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Queues bytes the "device" will send back. */
    public void reply(byte[] bytes) {
        replies.add(bytes.clone());
    }

    /** Every write so far, one array per {@link #write} call. */
    public synchronized List<byte[]> writes() {
        return List.copyOf(writes);
    }

    /** All bytes written so far, concatenated. */
    public synchronized byte[] written() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        writes.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    private synchronized void requireOpen() throws IOException {
        if (!open) {
            throw new IOException("transport is closed");
        }
    }
}
