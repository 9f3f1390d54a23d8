package io.chainretail.agent.uplink;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event of the store journal; {@code deliveredAt} is set only when HQ acknowledged it. */
@Entity
@Table(name = "journal")
public class JournalEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id")
    public String eventId;

    public String kind;

    @Column(name = "schema_id")
    public String schemaId;

    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
