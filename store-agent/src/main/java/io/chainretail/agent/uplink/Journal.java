package io.chainretail.agent.uplink;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/**
 * The store journal (ARCHITECTURE.md section 3, rule 4). {@link #append} joins the caller's
 * transaction, so an event exists exactly when the business change it records does.
 */
@ApplicationScoped
public class Journal {

    private final SyncCodec codec = new SyncCodec();
    private final Event<Appended> appended;

    public Journal(Event<Appended> appended) {
        this.appended = appended;
    }

    /**
     * Fired for each event appended, with its payload: synchronous observers run inside the business
     * transaction (the print spooler queues the receipt there); those that care about the commit
     * observe AFTER_SUCCESS.
     */
    public record Appended(String kind, Object payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public JournalEntry append(String kind, MessageSchema schema, Object payload, Instant occurredAt) {
        return append(kind, schema, payload, codec.payloadJson(payload), occurredAt);
    }

    /**
     * Appends an event whose payload the caller has already written as JSON for its own row (a completed
     * sale keeps the same text in the store's books): written once, not twice, in the sale's commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JournalEntry append(String kind, MessageSchema schema, Object payload, String payloadJson,
            Instant occurredAt) {
        JournalEntry entry = new JournalEntry();
        entry.eventId = EventIds.next().toString();
        entry.kind = kind;
        entry.schemaId = schema.id();
        entry.payload = payloadJson;
        entry.occurredAt = occurredAt;
        entry.persist();
        appended.fire(new Appended(kind, payload));
        return entry;
    }

    /** Marks events delivered: HQ has stored them. Unknown ids are ignored. */
    @Transactional
    public int markDelivered(Collection<String> eventIds) {
        return JournalEntry.update("deliveredAt = ?1 where eventId in ?2 and deliveredAt is null", Instant.now(),
                eventIds);
    }

    @Transactional
    public long backlog() {
        return JournalEntry.count("deliveredAt is null");
    }
}
