package io.chainretail.hq.feed;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Appends deltas to the transactional outbox (docs/sync-protocol.md). Must be called
 * inside the transaction that makes the change, so the delta commits or rolls back with it.
 */
@ApplicationScoped
public class FeedOutbox {

    private final SyncCodec codec = new SyncCodec();
    private final EntityManager entities;
    private final Event<DeltasWritten> written;

    public FeedOutbox(EntityManager entities, Event<DeltasWritten> written) {
        this.entities = entities;
        this.written = written;
    }

    /** Fired with each append; observers that wait for the commit see it only if the change commits. */
    public record DeltasWritten() {
    }

    /** Gives the delta the feed's next sequence number and stores it for the publisher. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(FeedRecord payload) {
        MessageSchema schema = MessageSchema.forPayload(payload.getClass());
        String feed = Feeds.of(schema);
        FeedSequence sequence = FeedSequence.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        sequence.lastSeq++;
        OutboxEntry entry = new OutboxEntry();
        entry.feed = feed;
        entry.seq = sequence.lastSeq;
        entry.eventId = EventIds.next().toString();
        entry.schemaId = schema.id();
        entry.payload = codec.payloadJson(payload);
        entry.occurredAt = Instant.now();
        entry.persist();
        written.fire(new DeltasWritten());
        return entry.seq;
    }

    /**
     * Appends many deltas at once, as an import does: each feed's sequence row is locked once and the
     * entries go in as batched inserts. Deltas keep their order within each feed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<? extends FeedRecord> payloads) {
        Map<String, List<FeedRecord>> byFeed = new LinkedHashMap<>();
        for (FeedRecord payload : payloads) {
            byFeed.computeIfAbsent(Feeds.of(MessageSchema.forPayload(payload.getClass())), f -> new ArrayList<>())
                    .add(payload);
        }
        entities.flush();
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<String, List<FeedRecord>> feed : byFeed.entrySet()) {
            FeedSequence sequence = FeedSequence.findById(feed.getKey(), LockModeType.PESSIMISTIC_WRITE);
            long first = sequence.lastSeq + 1;
            entities.unwrap(Session.class).doWork(connection -> insert(connection, feed.getKey(), first,
                    feed.getValue(), now));
            sequence.lastSeq += feed.getValue().size();
        }
        written.fire(new DeltasWritten());
    }

    private void insert(Connection connection, String feed, long firstSeq, List<FeedRecord> payloads, Timestamp at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into feed_outbox (feed, seq, event_id, "
                + "schema_id, payload, occurred_at) values (?, ?, ?, ?, ?, ?)")) {
            long seq = firstSeq;
            for (FeedRecord payload : payloads) {
                insert.setString(1, feed);
                insert.setLong(2, seq++);
                insert.setString(3, EventIds.next().toString());
                insert.setString(4, MessageSchema.forPayload(payload.getClass()).id());
                insert.setString(5, codec.payloadJson(payload));
                insert.setTimestamp(6, at);
                insert.addBatch();
                if ((seq - firstSeq) % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
