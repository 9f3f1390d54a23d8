package io.chainretail.hq.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uplink event HQ has durably stored; its id is the deduplication key. */
@Entity
@Table(name = "store_event")
public class StoreEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "store_code")
    public String storeCode;

    public String kind;

    public long position;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The event's payload as received, for audit; null for a sale, whose payload is in its {@code sale} row. */
    public String payload;
}
