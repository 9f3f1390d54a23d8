package io.chainretail.hq.syncstatus;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.hq.feed.FeedSequence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HQ's replica hash of a feed at its current sequence, computed as the stores compute theirs. */
@ApplicationScoped
public class HqReplicaHasher {

    /** A feed's hash and the sequence it is the hash at. */
    public record FeedHash(long seq, String hash) {
    }

    private final EntityManager entities;
    private final Map<String, FeedHash> cache = new ConcurrentHashMap<>();

    public HqReplicaHasher(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Hashes the feed under a shared lock on its sequence row, so no change commits between reading
     * the sequence and the rows; the result is cached until the sequence moves.
     */
    @Transactional
    public FeedHash hash(String feed) {
        FeedSequence sequence = FeedSequence.findById(feed, LockModeType.PESSIMISTIC_READ);
        FeedHash cached = cache.get(feed);
        if (cached != null && cached.seq() == sequence.lastSeq) {
            return cached;
        }
        String hash = switch (feed) {
            case Feeds.CATALOG -> ReplicaHash.catalog(rows("select sku, name, active from product"),
                    rows("select sku, barcode from product_barcode"));
            case Feeds.PRICES -> ReplicaHash.prices(rows("select sku, price_minor, currency from product"));
            default -> throw new IllegalArgumentException("unknown feed " + feed);
        };
        FeedHash result = new FeedHash(sequence.lastSeq, hash);
        cache.put(feed, result);
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }
}
