package io.chainretail.hq.quarantine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uplinked event HQ could not store, held with its payload as the store sent it until an operator
 * replays or dismisses it. The store has been acknowledged: HQ, not the store, now answers for it.
 */
@Entity
@Table(name = "uplink_quarantine")
public class QuarantinedEvent extends PanacheEntityBase {

    /** Open until an operator acts; replayed once stored after all; dismissed with the operator's note. */
    public enum State { OPEN, REPLAYED, DISMISSED }

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "store_code")
    public String storeCode;

    public long position;

    /** The event's schema id, e.g. {@code up.sale.v1}. */
    public String kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    public String reason;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "times_seen")
    public int timesSeen;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;
}
