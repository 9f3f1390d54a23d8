package io.chainretail.agent.uplink;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/**
 * The store journal: every event the store sends HQ, in order, until HQ acknowledges it. {@link #append}
 * joins the caller's transaction, so an event exists exactly when the business change it records does,
 * and takes the journal's next position in that same transaction (from the one-row counter
 * {@code journal_position}), so positions are gap-free: a rolled-back change gives its position back,
 * and a gap HQ sees always means an event it has not received.
 *
 * <p>The counter's row stays locked from the append to the commit, which puts the appends of concurrent
 * transactions in a row; callers append last, just before their commit, to keep that short.
 */
@ApplicationScoped
public class Journal {

    private final SyncCodec codec = new SyncCodec();
    private final Event<Appended> appended;

    private final EntityManager entities;

    public Journal(Event<Appended> appended, EntityManager entities) {
        this.appended = appended;
        this.entities = entities;
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
        entry.position = nextPosition();
        entry.eventId = EventIds.next().toString();
        entry.kind = kind;
        entry.schemaId = schema.id();
        entry.payload = payloadJson;
        entry.occurredAt = occurredAt;
        entry.persist();
        appended.fire(new Appended(kind, payload));
        return entry;
    }

    /** The next journal position, taken in the caller's transaction (and given back if it rolls back). */
    private long nextPosition() {
        entities.createNativeQuery("update journal_position set last_position = last_position + 1 where id = 1")
                .executeUpdate();
        return ((Number) entities.createNativeQuery("select last_position from journal_position where id = 1")
                .getSingleResult()).longValue();
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
