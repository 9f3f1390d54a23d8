package io.chainretail.hq.feed;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Appends deltas to the transactional outbox (ARCHITECTURE.md section 3, rule 1). Must be called
 * inside the transaction that makes the change, so the delta commits or rolls back with it.
 */
@ApplicationScoped
public class FeedOutbox {

    private final SyncCodec codec = new SyncCodec();

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
        return entry.seq;
    }
}
