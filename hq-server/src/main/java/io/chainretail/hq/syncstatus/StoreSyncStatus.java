package io.chainretail.hq.syncstatus;

import java.time.Instant;
import java.util.List;

/**
 * How a store stands with HQ.
 *
 * @param state      {@code online}, {@code offline}, or {@code unknown} if it never reported
 * @param lastSeenAt when HQ last heard from it (its status is reported every few seconds while online)
 */
public record StoreSyncStatus(String store, String state, Instant lastSeenAt, List<FeedLag> feeds) {

    /**
     * One feed at one store.
     *
     * @param appliedSeq the last sequence the store reported having applied
     * @param hqSeq      HQ's last sequence of the feed
     * @param lagChanges deltas HQ has that the store had not applied when it last reported
     * @param lagSeconds age of the oldest of those deltas, 0 when the store is current
     */
    public record FeedLag(String feed, long appliedSeq, long hqSeq, long lagChanges, long lagSeconds) {
    }
}
