package io.chainretail.agent.replica;

import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.ReplicaHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/** Computes this store's replica hash of a feed, over the same rows HQ hashes. */
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
    @SuppressWarnings("unchecked")
    public FeedHash hash(String feed) {
        FeedState state = FeedState.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            throw new IllegalArgumentException("unknown feed " + feed);
        }
        ReplicaHash hash = new ReplicaHash();
        for (MessageSchema schema : Feeds.schemas(feed)) {
            List<Object[]> rows = entities.createNativeQuery(
                    "select schema_id, record_key, payload from replica_record where schema_id = ?1")
                    .setParameter(1, schema.id()).getResultList();
            for (Object[] row : rows) {
                hash.add((String) row[0], (String) row[1], (String) row[2]);
            }
        }
        return new FeedHash(state.lastSeq, hash.value());
    }
}
