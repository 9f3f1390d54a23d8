package io.chainretail.agent.replica;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads typed rows of the replica. */
@ApplicationScoped
public class Replica {

    private final SyncCodec codec = new SyncCodec();

    /** The row of {@code schema} with {@code key}, if the store has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T extends FeedRecord> Optional<T> find(MessageSchema schema, String key, Class<T> type) {
        ReplicaRecord row = ReplicaRecord.findById(new ReplicaRecord.Key(schema.id(), key));
        if (row == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.readPayload(row.payload, type));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("replica row " + schema.id() + " " + key + " is unreadable", e);
        }
    }
}
