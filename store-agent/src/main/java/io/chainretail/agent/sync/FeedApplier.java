package io.chainretail.agent.sync;

import io.chainretail.agent.replica.FeedState;
import io.chainretail.agent.replica.ReplicaRecord;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ProductChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Applies feed deltas in sequence order, idempotently (ARCHITECTURE.md section 3, rule 2): the data
 * and the feed's last sequence are written in one transaction; an old delta is ignored; a delta past
 * the next expected one is not applied and reported as a gap. A complete snapshot replaces a feed's
 * rows and sequence in one transaction, so the replica is always the old one or the new one.
 */
@ApplicationScoped
public class FeedApplier {

    /** What became of one delta. */
    public enum Result { APPLIED, ALREADY_APPLIED, GAP }

    private static final int JDBC_BATCH = 1000;

    private final EntityManager entities;
    private final SyncCodec codec = new SyncCodec();

    public FeedApplier(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public Result apply(Envelope<?> delta) {
        return applyOne(delta);
    }

    /**
     * Applies deltas in one transaction (much faster than one each during a catch-up); each still gets
     * its own in-order check, so the results are the same as applying them one by one.
     */
    @Transactional
    public List<Result> applyAll(List<Envelope<?>> deltas) {
        return deltas.stream().map(this::applyOne).toList();
    }

    /**
     * Replaces the feed's rows with a snapshot's and sets its sequence, unless the store is already past
     * the snapshot (then nothing changes).
     *
     * @return true if the snapshot was applied
     */
    @Transactional
    public boolean replace(String feed, long asOfSeq, List<FeedRecord> rows) {
        FeedState state = FeedState.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        if (state == null || asOfSeq < state.lastSeq) {
            return false;
        }
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> replaceRows(connection, feed, rows));
        state.lastSeq = asOfSeq;
        return true;
    }

    @Transactional
    public Map<String, Long> lastApplied() {
        return FeedState.<FeedState>listAll().stream().collect(Collectors.toMap(s -> s.feed, s -> s.lastSeq));
    }

    private Result applyOne(Envelope<?> delta) {
        String feed = Feeds.of(delta.schema());
        FeedState state = FeedState.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        if (delta.seq() <= state.lastSeq) {
            return Result.ALREADY_APPLIED;
        }
        if (delta.seq() > state.lastSeq + 1) {
            return Result.GAP;
        }
        store(feed, delta.schema(), (FeedRecord) delta.payload());
        state.lastSeq = delta.seq();
        return Result.APPLIED;
    }

    private void store(String feed, MessageSchema schema, FeedRecord row) {
        ReplicaRecord.Key key = new ReplicaRecord.Key(schema.id(), row.key());
        ReplicaRecord existing = ReplicaRecord.findById(key);
        if (row.removed()) {
            if (existing != null) {
                existing.delete();
            }
            return;
        }
        String payload = codec.payloadJson(row);
        if (existing == null) {
            ReplicaRecord created = new ReplicaRecord();
            created.key = key;
            created.feed = feed;
            created.payload = payload;
            created.persist();
        } else {
            existing.payload = payload;
        }
        if (row instanceof ProductChange product) {
            indexBarcodes(product);
        }
    }

    /**
     * Points the product's barcodes at it, taking over any HQ moved from another product. Plain SQL: the
     * index is never loaded as entities, so a batch that touches one barcode twice cannot trip over a stale one.
     */
    private void indexBarcodes(ProductChange product) {
        entities.createNativeQuery("delete from replica_barcode where sku = ?1")
                .setParameter(1, product.sku()).executeUpdate();
        for (String barcode : product.barcodes()) {
            entities.createNativeQuery("delete from replica_barcode where barcode = ?1")
                    .setParameter(1, barcode).executeUpdate();
            entities.createNativeQuery("insert into replica_barcode (barcode, sku) values (?1, ?2)")
                    .setParameter(1, barcode).setParameter(2, product.sku()).executeUpdate();
        }
    }

    private void replaceRows(Connection connection, String feed, List<FeedRecord> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from replica_record where feed = ?")) {
            delete.setString(1, feed);
            delete.executeUpdate();
        }
        boolean catalog = Feeds.CATALOG.equals(feed);
        if (catalog) {
            try (PreparedStatement delete = connection.prepareStatement("delete from replica_barcode")) {
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into replica_record (schema_id, record_key, feed, payload) values (?, ?, ?, ?)");
                PreparedStatement barcode = connection.prepareStatement(
                        "insert into replica_barcode (barcode, sku) values (?, ?)")) {
            int pending = 0;
            for (FeedRecord row : rows) {
                insert.setString(1, MessageSchema.forPayload(row.getClass()).id());
                insert.setString(2, row.key());
                insert.setString(3, feed);
                insert.setString(4, codec.payloadJson(row));
                insert.addBatch();
                if (row instanceof ProductChange product) {
                    for (String code : product.barcodes()) {
                        barcode.setString(1, code);
                        barcode.setString(2, product.sku());
                        barcode.addBatch();
                    }
                }
                if (++pending == JDBC_BATCH) {
                    insert.executeBatch();
                    barcode.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
            barcode.executeBatch();
        }
    }
}
