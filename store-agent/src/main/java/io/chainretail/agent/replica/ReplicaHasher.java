package io.chainretail.agent.replica;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.ReplicaHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/** Computes this store's replica hash of a feed, the same way HQ computes its own. */
@ApplicationScoped
public class ReplicaHasher {

    /** A feed's hash and the sequence it is the hash at. */
    public record FeedHash(long seq, String hash) {
    }

    private final EntityManager entities;

    public ReplicaHasher(EntityManager entities) {
        this.entities = entities;
    }

    /** Hashes the feed while holding its lock, so no delta lands between reading the sequence and the rows. */
    @Transactional
    public FeedHash hash(String feed) {
        FeedState state = FeedState.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        String hash = switch (feed) {
            case Feeds.CATALOG -> ReplicaHash.catalog(rows("select sku, name, active from replica_product"),
                    rows("select sku, barcode from replica_barcode"));
            case Feeds.PRICES -> ReplicaHash.prices(rows("select sku, price_minor, currency from replica_price"));
            default -> throw new IllegalArgumentException("unknown feed " + feed);
        };
        return new FeedHash(state.lastSeq, hash);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }
}
