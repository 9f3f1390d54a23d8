package io.chainretail.hq.feed;

import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.SyncProgress;
import java.util.List;

/**
 * Deltas {@code fromSeq..lastSeq} of a feed, in batches read as they are sent, no more than {@code window}
 * batches ahead of the sequence the store has applied.
 */
final class DeltaStream implements ReplyStream {

    /** Reads the deltas {@code from} (inclusive) to {@code to} (exclusive) of a feed from the outbox. */
    interface Pages {
        List<SyncDeltas.Delta> read(String feed, long from, long to);
    }

    private final String store;
    private final String feed;
    private final long lastSeq;
    private final int batch;
    private final long ahead;
    private final Pages pages;
    private long nextSeq;
    private long applied;

    /** A {@code window} of null sends every batch at once (a store that sends no progress). */
    DeltaStream(String store, String feed, long fromSeq, long lastSeq, int batch, Integer window, Pages pages) {
        this.store = store;
        this.feed = feed;
        this.lastSeq = lastSeq;
        this.batch = batch;
        this.ahead = window == null ? Long.MAX_VALUE : (long) window * batch;
        this.pages = pages;
        this.nextSeq = fromSeq;
        this.applied = fromSeq - 1;
    }

    @Override
    public String store() {
        return store;
    }

    @Override
    public String feed() {
        return feed;
    }

    @Override
    public synchronized Object next() {
        while (nextSeq <= lastSeq && nextSeq - 1 - applied < ahead) {
            long from = nextSeq;
            nextSeq = Math.min(lastSeq + 1, from + batch);
            List<SyncDeltas.Delta> page = pages.read(feed, from, nextSeq);
            if (!page.isEmpty()) {
                return new SyncDeltas(feed, page);
            }
        }
        return null;
    }

    @Override
    public synchronized boolean sent() {
        return nextSeq > lastSeq;
    }

    @Override
    public synchronized void progress(SyncProgress progress) {
        if (progress.snapshotId() == null) {
            applied = Math.max(applied, progress.appliedSeq());
        }
    }
}
