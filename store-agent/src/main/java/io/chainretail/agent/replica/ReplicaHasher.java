package io.chainretail.agent.replica;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.ReplicaHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        ReplicaHash hash = new ReplicaHash();
        if (Feeds.CATALOG.equals(feed)) {
            Map<String, List<String>> barcodes = new HashMap<>();
            for (Object[] row : rows("select sku, barcode from replica_barcode")) {
                barcodes.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
            }
            for (Object[] row : rows("select sku, name, active from replica_product")) {
                hash.addProduct((String) row[0], (String) row[1], (Boolean) row[2],
                        barcodes.getOrDefault((String) row[0], List.of()));
            }
        } else if (Feeds.PRICES.equals(feed)) {
            for (Object[] row : rows("select sku, price_minor, currency from replica_price")) {
                hash.addPrice((String) row[0], ((Number) row[1]).longValue(), (String) row[2]);
            }
        } else {
            throw new IllegalArgumentException("unknown feed " + feed);
        }
        return new FeedHash(state.lastSeq, hash.value());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }
}
