package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.util.UUID;

/**
 * Store to HQ ({@code sync/progress}): how far the store has written HQ's answer to its {@link SyncRequest}, so
 * HQ sends the next messages of it. HQ sends a request's answer no more than its {@code window} of messages ahead
 * of this, so neither the broker nor the store ever holds a whole large snapshot or backlog.
 *
 * @param appliedSeq    the feed's last sequence the store has applied
 * @param snapshotId    the snapshot being written, or null when the answer is deltas
 * @param chunksWritten how many of that snapshot's chunks are written (null with deltas)
 */
public record SyncProgress(String feed, long appliedSeq, UUID snapshotId, Integer chunksWritten) {

    public SyncProgress {
        Fields.notBlank(feed, "feed");
        Fields.require(appliedSeq >= 0, "appliedSeq", "must not be negative");
        Fields.require((snapshotId == null) == (chunksWritten == null), "chunksWritten",
                "comes with a snapshotId, and only with one");
        Fields.require(chunksWritten == null || chunksWritten >= 0, "chunksWritten", "must not be negative");
    }

    /** Progress through deltas. */
    public static SyncProgress deltas(String feed, long appliedSeq) {
        return new SyncProgress(feed, appliedSeq, null, null);
    }

    /** Progress through a snapshot. */
    public static SyncProgress snapshot(String feed, long appliedSeq, UUID snapshotId, int chunksWritten) {
        return new SyncProgress(feed, appliedSeq, snapshotId, chunksWritten);
    }
}
