package io.chainretail.hq.quarantine;

import io.chainretail.core.sync.SyncCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Where uplinked events go that HQ can never store as they are: well formed and known by their id, but
 * breaking a limit of HQ's tables, unreadable into their record, or clashing with a fact already stored
 * under another event id. Holding one here makes it durable at HQ, so the store is acknowledged and stops
 * resending it; an operator then replays it (after a fix) or dismisses it ({@link QuarantineReview}).
 */
@ApplicationScoped
public class UplinkQuarantine {

    private static final Logger LOG = Logger.getLogger(UplinkQuarantine.class);
    private static final int REASON_LENGTH = 1000;

    private final InstantSource clock;

    public UplinkQuarantine(InstantSource clock, MeterRegistry metrics) {
        this.clock = clock;
        metrics.gauge("hq_uplink_quarantine_open", this, UplinkQuarantine::openCount);
    }

    /**
     * Holds an event in the caller's transaction, or notes that it came again. Returns true when it was
     * not held before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hold(SyncCodec.RefusedEvent event) {
        String id = event.id().toString();
        if (seenAgain(id)) {
            return false;
        }
        Instant now = clock.instant();
        QuarantinedEvent row = new QuarantinedEvent();
        row.eventId = id;
        row.storeCode = event.store();
        row.position = event.position();
        row.kind = event.schema().id();
        row.occurredAt = event.occurredAt();
        row.payload = event.payloadJson();
        row.reason = event.reason().length() <= REASON_LENGTH ? event.reason()
                : event.reason().substring(0, REASON_LENGTH - 1) + "…";
        row.firstSeenAt = now;
        row.lastSeenAt = now;
        row.timesSeen = 1;
        row.state = QuarantinedEvent.State.OPEN;
        row.persist();
        LOG.warnf("Quarantined %s %s of store %s (journal position %d): %s", row.kind, id, row.storeCode,
                row.position, row.reason);
        return true;
    }

    /**
     * Holds an event in a transaction of its own, unless HQ already stored it (under looser rules, or by
     * a replay). Returns false when it is stored, true when it is held.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean holdUnlessStored(SyncCodec.RefusedEvent event) {
        String id = event.id().toString();
        boolean stored = io.chainretail.hq.sales.StoreEvent.findByIdOptional(id).isPresent();
        if (!stored) {
            hold(event);
        }
        return !stored;
    }

    /** True when the event is held already; its arrival is counted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seenAgain(String eventId) {
        QuarantinedEvent row = QuarantinedEvent.findById(eventId);
        if (row == null) {
            return false;
        }
        row.lastSeenAt = clock.instant();
        row.timesSeen++;
        return true;
    }

    private double openCount() {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> QuarantinedEvent.count("state", QuarantinedEvent.State.OPEN));
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: the gauge says nothing rather than something wrong
        }
    }
}
