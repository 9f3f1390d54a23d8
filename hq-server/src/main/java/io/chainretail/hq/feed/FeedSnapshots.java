package io.chainretail.hq.feed;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes consistent snapshots of feeds, for stores past the retention and for HQ's replica hash. The
 * newest snapshot of each feed is kept until the feed moves on, so fifty stores asking at once cost
 * one read.
 */
@ApplicationScoped
public class FeedSnapshots {

    private final FeedRows feedRows;
    private final SyncCodec codec = new SyncCodec();
    private final Map<String, FeedSnapshot> latest = new ConcurrentHashMap<>();

    public FeedSnapshots(FeedRows feedRows) {
        this.feedRows = feedRows;
    }

    /**
     * The feed's state now. Reads under a shared lock on the feed's sequence row, so no change commits
     * between reading the sequence and the rows.
     */
    @Transactional
    public FeedSnapshot take(String feed) {
        FeedSequence sequence = FeedSequence.findById(feed, LockModeType.PESSIMISTIC_READ);
        if (sequence == null) {
            throw new IllegalArgumentException("unknown feed " + feed);
        }
        FeedSnapshot cached = latest.get(feed);
        if (cached != null && cached.asOfSeq() == sequence.lastSeq) {
            return cached;
        }
        List<FeedRecord> rows = feedRows.rows(feed);
        ReplicaHash hash = new ReplicaHash();
        rows.forEach(row -> hash.add(codec, row));
        FeedSnapshot snapshot = new FeedSnapshot(feed, sequence.lastSeq, List.copyOf(rows), hash.value());
        latest.put(feed, snapshot);
        return snapshot;
    }
}
