package io.chainretail.hq.syncstatus;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.feed.FeedSequence;
import io.chainretail.hq.feed.OutboxEntry;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
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

    public StoreSyncService(HqConfig config) {
        this.offlineAfter = config.sync().offlineAfter();
    }

    @Transactional
    public void record(String store, StoreStatus status, Instant reportedAt) {
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
        }
    }

    /** Every store HQ knows of, from its master data or because it reported. */
    @Transactional
    public List<StoreSyncStatus> all() {
        TreeSet<String> codes = new TreeSet<>();
        Store.<Store>listAll().forEach(s -> codes.add(s.code));
        StorePresence.<StorePresence>listAll().forEach(p -> codes.add(p.storeCode));
        Map<String, Long> hqSeqs = hqSequences();
        Instant now = Instant.now();
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
        return Optional.of(status(store, hqSequences(), Instant.now()));
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
