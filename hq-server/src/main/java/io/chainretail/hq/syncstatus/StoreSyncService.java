package io.chainretail.hq.syncstatus;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.feed.FeedSequence;
import io.chainretail.hq.feed.OutboxEntry;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Records what stores report and computes each store's sync status against HQ's feeds. */
@ApplicationScoped
public class StoreSyncService {

    private final Duration offlineAfter;
    private final HqReplicaHasher hasher;
    private final InstantSource clock;

    public StoreSyncService(HqConfig config, HqReplicaHasher hasher, InstantSource clock) {
        this.offlineAfter = config.sync().offlineAfter();
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional
    public void record(String store, StoreStatus status, Instant reportedAt) {
        // Every HQ instance records every status: the store's row, locked, lets one at a time write its first
        // presence and feed rows, so the other finds them instead of failing on the same insert.
        Store.findById(store, LockModeType.PESSIMISTIC_WRITE);
        StorePresence presence = StorePresence.findById(store);
        if (presence == null) {
            presence = new StorePresence();
            presence.storeCode = store;
            presence.state = status.state();
            presence.lastSeenAt = reportedAt;
            presence.persist();
        }
        presence.state = status.state();
        if (reportedAt.isAfter(presence.lastSeenAt)) {
            presence.lastSeenAt = reportedAt;
        }
        for (Map.Entry<String, Long> feed : status.feeds().entrySet()) {
            if (!Feeds.ALL.contains(feed.getKey())) {
                continue;
            }
            StoreFeedPosition.Key key = new StoreFeedPosition.Key(store, feed.getKey());
            StoreFeedPosition position = StoreFeedPosition.findById(key);
            if (position == null) {
                position = new StoreFeedPosition();
                position.key = key;
                position.appliedSeq = feed.getValue();
                position.reportedAt = reportedAt;
                position.persist();
            }
            position.appliedSeq = feed.getValue();
            position.reportedAt = reportedAt;
            String hash = status.hashes().get(feed.getKey());
            if (hash != null) {
                position.reportedHash = hash;
                position.hashSeq = feed.getValue();
            }
        }
    }

    /** Every store HQ knows of, from its master data or because it reported. */
    @Transactional
    public List<StoreSyncStatus> all() {
        TreeSet<String> codes = new TreeSet<>();
        Store.<Store>listAll().forEach(s -> codes.add(s.code));
        StorePresence.<StorePresence>listAll().forEach(p -> codes.add(p.storeCode));
        Map<String, Long> hqSeqs = hqSequences();
        Instant now = clock.instant();
        List<StoreSyncStatus> result = new ArrayList<>();
        for (String code : codes) {
            result.add(status(code, hqSeqs, now));
        }
        return result;
    }

    @Transactional
    public Optional<StoreSyncStatus> of(String store) {
        if (Store.findById(store) == null && StorePresence.findById(store) == null) {
            return Optional.empty();
        }
        return Optional.of(status(store, hqSequences(), clock.instant()));
    }

    /** Compares the store's last reported replica hash of every feed with HQ's. */
    @Transactional
    public Optional<ReplicaCheck> check(String store) {
        if (Store.findById(store) == null && StorePresence.findById(store) == null) {
            return Optional.empty();
        }
        List<ReplicaCheck.FeedCheck> feeds = new ArrayList<>();
        for (String feed : Feeds.ALL) {
            HqReplicaHasher.FeedHash hq = hasher.hash(feed);
            StoreFeedPosition position = StoreFeedPosition.findById(new StoreFeedPosition.Key(store, feed));
            String storeHash = position == null ? null : position.reportedHash;
            Long storeSeq = position == null ? null : position.hashSeq;
            ReplicaCheck.Verdict verdict;
            if (storeHash == null) {
                verdict = ReplicaCheck.Verdict.UNKNOWN;
            } else if (storeSeq < hq.seq()) {
                verdict = ReplicaCheck.Verdict.BEHIND;
            } else if (storeSeq == hq.seq() && storeHash.equals(hq.hash())) {
                verdict = ReplicaCheck.Verdict.IDENTICAL;
            } else {
                verdict = ReplicaCheck.Verdict.DIFFERENT;
            }
            feeds.add(new ReplicaCheck.FeedCheck(feed, verdict, storeSeq, hq.seq(), storeHash, hq.hash()));
        }
        boolean identical = feeds.stream().allMatch(f -> f.verdict() == ReplicaCheck.Verdict.IDENTICAL);
        return Optional.of(new ReplicaCheck(store, identical, feeds));
    }

    private StoreSyncStatus status(String store, Map<String, Long> hqSeqs, Instant now) {
        StorePresence presence = StorePresence.findById(store);
        List<StoreSyncStatus.FeedLag> feeds = new ArrayList<>();
        for (String feed : Feeds.ALL) {
            StoreFeedPosition position = StoreFeedPosition.findById(new StoreFeedPosition.Key(store, feed));
            long applied = position == null ? 0 : position.appliedSeq;
            long hqSeq = hqSeqs.getOrDefault(feed, 0L);
            long lag = Math.max(0, hqSeq - applied);
            long seconds = 0;
            if (lag > 0) {
                OutboxEntry oldest = OutboxEntry.<OutboxEntry>find("feed = ?1 and seq = ?2", feed, applied + 1)
                        .firstResult();
                seconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest.occurredAt, now).toSeconds());
            }
            feeds.add(new StoreSyncStatus.FeedLag(feed, applied, hqSeq, lag, seconds));
        }
        return new StoreSyncStatus(store, state(presence, now), presence == null ? null : presence.lastSeenAt, feeds);
    }

    /** What the store said, unless it has been silent too long: then it is offline whatever it said. */
    private String state(StorePresence presence, Instant now) {
        if (presence == null) {
            return "unknown";
        }
        boolean silent = presence.lastSeenAt.plus(offlineAfter).isBefore(now);
        return silent ? StoreStatus.OFFLINE : presence.state;
    }

    private static Map<String, Long> hqSequences() {
        return FeedSequence.<FeedSequence>listAll().stream().collect(Collectors.toMap(s -> s.feed, s -> s.lastSeq));
    }
}
