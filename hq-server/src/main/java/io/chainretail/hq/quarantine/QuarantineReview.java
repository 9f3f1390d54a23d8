package io.chainretail.hq.quarantine;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.sales.UplinkIngestService;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator's view of the quarantine: what is held and why, and the two ways out. Replaying reads the
 * event again with HQ's current rules and stores it if it now fits (after an upgrade that widened a limit,
 * or once the clashing event was dealt with); dismissing closes it with a note, the event kept for audit.
 */
@ApplicationScoped
public class QuarantineReview {

    /** One held event as the HQ console shows it. */
    public record HeldEvent(String eventId, String store, long position, String kind, Instant occurredAt,
            String reason, Instant firstSeenAt, Instant lastSeenAt, int timesSeen, QuarantinedEvent.State state,
            String resolvedBy, Instant resolvedAt, String resolutionNote, String payload) {

        static HeldEvent of(QuarantinedEvent row) {
            return new HeldEvent(row.eventId, row.storeCode, row.position, row.kind, row.occurredAt, row.reason,
                    row.firstSeenAt, row.lastSeenAt, row.timesSeen, row.state, row.resolvedBy, row.resolvedAt,
                    row.resolutionNote, row.payload);
        }
    }

    private final SyncCodec codec = new SyncCodec();
    private final UplinkIngestService ingest;
    private final HqConfig config;
    private final InstantSource clock;

    public QuarantineReview(UplinkIngestService ingest, HqConfig config, InstantSource clock) {
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
    }

    /** Held events, newest first; of one state and one store when given. */
    @Transactional
    public List<HeldEvent> list(QuarantinedEvent.State state, String store, int page, int size) {
        Parameters parameters = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (state != null) {
            where.append(" and state = :state");
            parameters.and("state", state);
        }
        if (store != null) {
            where.append(" and storeCode = :store");
            parameters.and("store", store);
        }
        return QuarantinedEvent.<QuarantinedEvent>find(where + " order by lastSeenAt desc, eventId", parameters)
                .page(Page.of(page, size)).list().stream().map(HeldEvent::of).toList();
    }

    @Transactional
    public Optional<HeldEvent> find(String eventId) {
        return QuarantinedEvent.<QuarantinedEvent>findByIdOptional(eventId).map(HeldEvent::of);
    }

    /**
     * Reads and stores a held event again. It leaves the quarantine as REPLAYED when it is stored now (or
     * was meanwhile); a 409 says why it still cannot be, and the event stays held with that reason.
     */
    @Transactional(dontRollbackOn = Refusal.class)
    public HeldEvent replay(String eventId, String operator) {
        QuarantinedEvent row = open(eventId);
        SyncCodec.RefusedEvent held = new SyncCodec.RefusedEvent(MessageSchema.byId(row.kind).orElseThrow(),
                UUID.fromString(row.eventId), row.storeCode, row.position, row.occurredAt, row.payload, row.reason);
        Optional<String> stillRefused;
        try {
            stillRefused = ingest.replay(codec.readRefused(config.chain(), held));
        } catch (MalformedMessageException e) {
            stillRefused = Optional.of(e.getMessage());
        }
        if (stillRefused.isPresent()) {
            row.reason = stillRefused.get();
            throw Refusal.of(ErrorCode.STILL_REFUSED, "The event still cannot be stored: " + stillRefused.get());
        }
        resolve(row, QuarantinedEvent.State.REPLAYED, operator, null);
        return HeldEvent.of(row);
    }

    /** Closes a held event without storing it; the note says why, for the audit. */
    @Transactional
    public HeldEvent dismiss(String eventId, String operator, String note) {
        Fields.text(note, 500, "note");
        QuarantinedEvent row = open(eventId);
        resolve(row, QuarantinedEvent.State.DISMISSED, operator, note);
        return HeldEvent.of(row);
    }

    private QuarantinedEvent open(String eventId) {
        QuarantinedEvent row = QuarantinedEvent.<QuarantinedEvent>findByIdOptional(eventId).orElseThrow(
                () -> Refusal.of(ErrorCode.NOT_QUARANTINED, "No event " + eventId + " is held in the quarantine."));
        if (row.state != QuarantinedEvent.State.OPEN) {
            throw Refusal.of(ErrorCode.ALREADY_RESOLVED, "Event " + eventId + " was already "
                    + row.state.name().toLowerCase() + " by " + row.resolvedBy + ".");
        }
        return row;
    }

    private void resolve(QuarantinedEvent row, QuarantinedEvent.State state, String operator, String note) {
        row.state = state;
        row.resolvedBy = operator;
        row.resolvedAt = clock.instant();
        row.resolutionNote = note;
    }
}
