package io.chainretail.agent.replica;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads typed rows of the replica, and the barcode index, with plain JDBC: every read is a key to the
 * canonical JSON HQ sent, so an entity manager adds nothing but its own bookkeeping, and these reads
 * must also run on the HTTP event loop, where Hibernate refuses to (a scan is answered there, see
 * {@code TillResource#scan}). Inside a transaction they read through its connection: they see what it has
 * written or Hibernate has flushed, not entities it has yet to flush.
 */
@ApplicationScoped
public class Replica {

    /** Most rows {@link #matching} returns: a search at the till shows a screenful, not the catalog. */
    private static final int MATCHING_LIMIT = 500;

    private final DataSource dataSource;
    private final SyncCodec codec = new SyncCodec();

    public Replica(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row of {@code schema} with {@code key}, if the store has it. */
    public <T extends FeedRecord> Optional<T> find(MessageSchema schema, String key, Class<T> type) {
        return read(firstColumn("select payload from replica_record where schema_id = ? and record_key = ?",
                schema.id(), key), type).stream().findFirst();
    }

    /** The SKU a barcode or 5-digit PLU stands for. */
    public Optional<String> skuOf(String code) {
        return firstColumn("select sku from replica_barcode where barcode = ?", code).stream().findFirst();
    }

    /** Every row of {@code schema}. */
    public <T extends FeedRecord> List<T> all(MessageSchema schema, Class<T> type) {
        return read(firstColumn("select payload from replica_record where schema_id = ?", schema.id()), type);
    }

    /**
     * The rows of {@code schema} whose canonical JSON has {@code field} equal to {@code value}: a scan,
     * for lookups rare enough not to need their own index (a member by phone at the till).
     */
    public <T extends FeedRecord> List<T> withField(MessageSchema schema, String field, String value,
            Class<T> type) {
        String fragment = "%" + codec.payloadJson(Map.of(field, value)).replace("{", "").replace("}", "")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return read(firstColumn("select payload from replica_record where schema_id = ? and payload like ?",
                schema.id(), fragment), type);
    }

    /** Rows of {@code schema} whose lower-cased JSON matches the SQL {@code likePattern}; the caller refines. */
    public <T extends FeedRecord> List<T> matching(MessageSchema schema, String likePattern, Class<T> type) {
        return read(firstColumn("select payload from replica_record where schema_id = ? and lower(payload) like ?"
                + " fetch first " + MATCHING_LIMIT + " rows only", schema.id(), likePattern), type);
    }

    private List<String> firstColumn(String sql, String... parameters) {
        return SqlReads.list(dataSource, sql, row -> row.getString(1), parameters);
    }

    private <T> List<T> read(List<String> payloads, Class<T> type) {
        List<T> records = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                records.add(codec.readPayload(payload, type));
            } catch (MalformedMessageException e) {
                throw new IllegalStateException("a replica row of " + type.getSimpleName() + " is unreadable", e);
            }
        }
        return records;
    }
}
