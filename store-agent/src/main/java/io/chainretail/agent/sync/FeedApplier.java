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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        return applyAll(List.of(delta)).get(0);
    }

    /**
     * Applies deltas in one transaction; each gets its own in-order check, so the results are the same
     * as applying them one by one. Rows are written once each, in their state after the last delta that
     * touched them, with batched SQL: a catch-up of 50,000 deltas is a few hundred statements' work.
     */
    @Transactional
    public List<Result> applyAll(List<Envelope<?>> deltas) {
        Map<String, FeedState> states = new HashMap<>();
        Map<ReplicaRecord.Key, Row> rows = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>(deltas.size());
        for (Envelope<?> delta : deltas) {
            String feed = Feeds.of(delta.schema());
            FeedState state = states.computeIfAbsent(feed,
                    f -> FeedState.findById(f, LockModeType.PESSIMISTIC_WRITE));
            if (delta.seq() <= state.lastSeq) {
                results.add(Result.ALREADY_APPLIED);
            } else if (delta.seq() > state.lastSeq + 1) {
                results.add(Result.GAP);
            } else {
                FeedRecord record = (FeedRecord) delta.payload();
                ReplicaRecord.Key key = new ReplicaRecord.Key(delta.schema().id(), record.key());
                rows.remove(key);
                rows.put(key, new Row(feed, key, record));
                state.lastSeq = delta.seq();
                results.add(Result.APPLIED);
            }
        }
        if (!rows.isEmpty()) {
            entities.flush();
            entities.unwrap(Session.class).doWork(connection -> write(connection, rows.values(), false));
        }
        return results;
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
        List<Row> all = rows.stream().map(r -> new Row(feed, new ReplicaRecord.Key(
                MessageSchema.forPayload(r.getClass()).id(), r.key()), r)).toList();
        entities.unwrap(Session.class).doWork(connection -> {
            execute(connection, "delete from replica_record where feed = ?", feed);
            if (Feeds.CATALOG.equals(feed)) {
                execute(connection, "delete from replica_barcode");
            }
            write(connection, all, true);
        });
        state.lastSeq = asOfSeq;
        return true;
    }

    @Transactional
    public Map<String, Long> lastApplied() {
        return FeedState.<FeedState>listAll().stream().collect(Collectors.toMap(s -> s.feed, s -> s.lastSeq));
    }

    /** A row to write: its feed, key, and the record (a removal deletes it). */
    private record Row(String feed, ReplicaRecord.Key key, FeedRecord record) {
    }

    /**
     * Writes rows with batched statements: removals, upserts, then the barcode index of the products
     * among them (a barcode HQ moved from another product moves here too). Into tables just emptied for
     * a snapshot ({@code fresh}), plain inserts do.
     */
    private void write(Connection connection, Collection<Row> rows, boolean fresh) throws SQLException {
        String upsertSql = (fresh ? "insert into replica_record (schema_id, record_key, feed, payload) "
                : "merge into replica_record (schema_id, record_key, feed, payload) key (schema_id, record_key) ")
                + "values (?, ?, ?, ?)";
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from replica_record where schema_id = ? and record_key = ?");
                PreparedStatement upsert = connection.prepareStatement(upsertSql);
                PreparedStatement unindex = connection.prepareStatement("delete from replica_barcode where sku = ?");
                PreparedStatement index = connection.prepareStatement(fresh
                        ? "insert into replica_barcode (barcode, sku) values (?, ?)"
                        : "merge into replica_barcode (barcode, sku) key (barcode) values (?, ?)")) {
            int pending = 0;
            for (Row row : rows) {
                if (row.record().removed()) {
                    delete.setString(1, row.key().schemaId());
                    delete.setString(2, row.key().recordKey());
                    delete.addBatch();
                } else {
                    upsert.setString(1, row.key().schemaId());
                    upsert.setString(2, row.key().recordKey());
                    upsert.setString(3, row.feed());
                    upsert.setString(4, codec.payloadJson(row.record()));
                    upsert.addBatch();
                }
                if (!fresh && row.record() instanceof ProductChange product) {
                    unindex.setString(1, product.sku());
                    unindex.addBatch();
                }
                if (++pending == JDBC_BATCH) {
                    delete.executeBatch();
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            delete.executeBatch();
            upsert.executeBatch();
            unindex.executeBatch();
            pending = 0;
            for (Row row : rows) {
                if (row.record() instanceof ProductChange product) {
                    // A weighed product's PLU is indexed like a barcode: five digits never clash with a GTIN.
                    List<String> codes = new ArrayList<>(product.barcodes());
                    if (product.plu() != null) {
                        codes.add(product.plu());
                    }
                    for (String barcode : codes) {
                        index.setString(1, barcode);
                        index.setString(2, product.sku());
                        index.addBatch();
                        if (++pending == JDBC_BATCH) {
                            index.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            index.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
