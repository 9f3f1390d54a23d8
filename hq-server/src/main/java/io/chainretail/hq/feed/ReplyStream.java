package io.chainretail.hq.feed;

import io.chainretail.core.sync.payload.SyncProgress;
import java.util.UUID;

/**
 * HQ's answer to one store's sync request, handed out a message at a time, no more than the store's window
 * ahead of what it says it has written ({@link SyncProgress}). So a large snapshot or backlog is never queued
 * whole at the broker or in the store: the store's writing paces HQ's sending.
 */
interface ReplyStream {

    String store();

    String feed();

    /** The snapshot this answer sends, named in the store's progress; null for an answer of deltas. */
    default UUID snapshotId() {
        return null;
    }

    /** The next message the store's window has room for, or null: all is sent, or the store is behind. */
    Object next();

    /** True once every message is handed out. */
    boolean sent();

    /** The store has written this far. */
    void progress(SyncProgress progress);
}
