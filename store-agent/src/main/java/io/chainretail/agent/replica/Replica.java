package io.chainretail.agent.replica;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads typed rows of the replica. */
@ApplicationScoped
public class Replica {

    private final SyncCodec codec = new SyncCodec();

    /** The row of {@code schema} with {@code key}, if the store has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends FeedRecord> Optional<T> find(MessageSchema schema, String key, Class<T> type) {
        ReplicaRecord row = ReplicaRecord.findById(new ReplicaRecord.Key(schema.id(), key));
        return row == null ? Optional.empty() : Optional.of(read(row, type));
    }

    /** Every row of {@code schema}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends FeedRecord> List<T> all(MessageSchema schema, Class<T> type) {
        return read(ReplicaRecord.list("key.schemaId", schema.id()), type);
    }

    /**
     * The rows of {@code schema} whose canonical JSON has {@code field} equal to {@code value}: a scan,
     * for lookups rare enough not to need their own index (a member by phone at the till).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends FeedRecord> List<T> withField(MessageSchema schema, String field, String value,
            Class<T> type) {
        String fragment = "%" + codec.payloadJson(Map.of(field, value)).replace("{", "").replace("}", "")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return read(ReplicaRecord.list("key.schemaId = ?1 and payload like ?2", schema.id(), fragment), type);
    }

    /** Rows of {@code schema} whose lower-cased JSON matches the SQL {@code likePattern}; the caller refines. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends FeedRecord> List<T> matching(MessageSchema schema, String likePattern, Class<T> type) {
        return read(ReplicaRecord.find("key.schemaId = ?1 and lower(payload) like ?2", schema.id(), likePattern)
                .page(0, 500).list(), type);
    }

    private <T> List<T> read(List<ReplicaRecord> rows, Class<T> type) {
        List<T> records = new ArrayList<>(rows.size());
        for (ReplicaRecord row : rows) {
            records.add(read(row, type));
        }
        return records;
    }

    private <T> T read(ReplicaRecord row, Class<T> type) {
        try {
            return codec.readPayload(row.payload, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("replica row " + row.key + " is unreadable", e);
        }
    }
}
