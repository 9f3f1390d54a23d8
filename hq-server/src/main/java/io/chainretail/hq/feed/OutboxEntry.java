package io.chainretail.hq.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delta of one feed, written in the transaction of the change it describes. */
@Entity
@Table(name = "feed_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String feed;

    public long seq;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "schema_id")
    public String schemaId;

    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
