package io.chainretail.hq.feed;

import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncProgress;
import java.util.List;
import java.util.UUID;

/** A feed's snapshot in chunks, no more than {@code window} chunks ahead of those the store has written. */
final class SnapshotStream implements ReplyStream {

    private final String store;
    private final FeedSnapshot snapshot;
    private final UUID id;
    private final int size;
    private final int chunks;
    private final int window;
    private int next;
    private int written;

    /** A {@code window} of null sends every chunk at once (a store that sends no progress). */
    SnapshotStream(String store, FeedSnapshot snapshot, UUID id, int size, Integer window) {
        this.store = store;
        this.snapshot = snapshot;
        this.id = id;
        this.size = size;
        this.chunks = Math.max(1, (snapshot.rows().size() + size - 1) / size);
        this.window = window == null ? Integer.MAX_VALUE : window;
    }

    @Override
    public String store() {
        return store;
    }

    @Override
    public String feed() {
        return snapshot.feed();
    }

    @Override
    public UUID snapshotId() {
        return id;
    }

    int chunks() {
        return chunks;
    }

    @Override
    public synchronized Object next() {
        if (next >= chunks || next - written >= window) {
            return null;
        }
        int chunk = next++;
        List<SnapshotChunk.Item> items = snapshot.rows()
                .subList(chunk * size, Math.min(snapshot.rows().size(), (chunk + 1) * size)).stream()
                .map(SnapshotChunk.Item::new)
                .toList();
        return new SnapshotChunk(snapshot.feed(), id, snapshot.asOfSeq(), chunk, chunks, snapshot.hash(), items);
    }

    @Override
    public synchronized boolean sent() {
        return next >= chunks;
    }

    @Override
    public synchronized void progress(SyncProgress progress) {
        if (id.equals(progress.snapshotId())) {
            written = Math.max(written, progress.chunksWritten());
        }
    }
}
