package io.chainretail.hq.feed;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
    private final Map<String, Object> reading = new ConcurrentHashMap<>();

    public FeedSnapshots(FeedRows feedRows) {
        this.feedRows = feedRows;
    }

    /**
     * The feed's state now. One snapshot of a feed is read at a time: a caller that comes while one is being
     * read waits for it and, if the feed has not moved since, gets that one (reading a million rows takes
     * seconds, and two readers queued on the sequence row's lock until the second timed out).
     */
    public FeedSnapshot take(String feed) {
        synchronized (reading.computeIfAbsent(feed, f -> new Object())) {
            return QuarkusTransaction.requiringNew().call(() -> read(feed));
        }
    }

    /**
     * The kept snapshot if the feed has not moved since (no lock: a long import holds the sequence row for
     * minutes), else the rows read under a shared lock on the feed's sequence row, so no change commits between
     * reading the sequence and the rows.
     */
    private FeedSnapshot read(String feed) {
        FeedSequence sequence = FeedSequence.findById(feed);
        if (sequence == null) {
            throw new IllegalArgumentException("unknown feed " + feed);
        }
        FeedSnapshot cached = latest.get(feed);
        if (cached != null && cached.asOfSeq() == sequence.lastSeq) {
            return cached;
        }
        FeedSequence.getEntityManager().refresh(sequence, LockModeType.PESSIMISTIC_READ);
        List<FeedRecord> rows = feedRows.rows(feed);
        ReplicaHash hash = new ReplicaHash();
        rows.forEach(row -> hash.add(codec, row));
        FeedSnapshot snapshot = new FeedSnapshot(feed, sequence.lastSeq, List.copyOf(rows), hash.value());
        latest.put(feed, snapshot);
        return snapshot;
    }
}
