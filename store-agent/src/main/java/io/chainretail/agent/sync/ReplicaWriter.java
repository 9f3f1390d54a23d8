package io.chainretail.agent.sync;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ProductChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes feed rows into the replica tables with batched SQL, in the caller's transaction: removals,
 * upserts, then the barcode index of the products among them (a barcode HQ moved from another product
 * moves here too). Shared by the delta applier and the snapshot loader, so both store a row the same way.
 */
final class ReplicaWriter {

    /** A row to write: its feed, schema, key, the record (a removal deletes it) and its canonical JSON. */
    record Row(String feed, String schemaId, String key, FeedRecord record, String json) {

        static Row of(SyncCodec codec, String feed, FeedRecord record) {
            return new Row(feed, MessageSchema.forPayload(record.getClass()).id(), record.key(), record,
                    record.removed() ? null : codec.payloadJson(record));
        }
    }

    private static final int JDBC_BATCH = 1000;

    private ReplicaWriter() {
    }

    /** Empties a feed's rows (and, for the catalog, the barcode index) before a snapshot is written. */
    static void clear(Connection connection, String feed) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from replica_record where schema_id = ?")) {
            for (MessageSchema schema : Feeds.schemas(feed)) {
                delete.setString(1, schema.id());
                delete.executeUpdate();
            }
        }
        if (Feeds.CATALOG.equals(feed)) {
            try (PreparedStatement delete = connection.prepareStatement("delete from replica_barcode")) {
                delete.executeUpdate();
            }
        }
    }

    /**
     * Writes the rows. Into tables just emptied by {@link #clear} ({@code fresh}), plain inserts do;
     * otherwise each row replaces the one with its key.
     */
    static void write(Connection connection, Collection<Row> rows, boolean fresh) throws SQLException {
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
                    delete.setString(1, row.schemaId());
                    delete.setString(2, row.key());
                    delete.addBatch();
                } else {
                    upsert.setString(1, row.schemaId());
                    upsert.setString(2, row.key());
                    upsert.setString(3, row.feed());
                    upsert.setString(4, row.json());
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
                if (row.record() instanceof ProductChange product && !product.removed()) {
                    for (String barcode : codesOf(product)) {
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

    /** A weighed product's PLU is indexed like a barcode: five digits never clash with a GTIN. */
    private static List<String> codesOf(ProductChange product) {
        List<String> codes = new ArrayList<>(product.barcodes());
        if (product.plu() != null) {
            codes.add(product.plu());
        }
        return codes;
    }
}
