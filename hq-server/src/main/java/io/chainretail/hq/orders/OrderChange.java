package io.chainretail.hq.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of an online order's state, with who made it and when; never changed or deleted. */
@Entity
@Table(name = "online_order_change")
public class OrderChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id")
    public String orderId;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    @Column(name = "by_whom")
    public String by;

    public Instant at;

    public String note;

    /** The channel's id of a refund; {@code null} for other changes. */
    public String reference;

    static void record(String orderId, OrderState state, String by, Instant at, String note) {
        record(orderId, state, by, at, note, null);
    }

    static void record(String orderId, OrderState state, String by, Instant at, String note, String reference) {
        OrderChange change = new OrderChange();
        change.reference = reference;
        change.orderId = orderId;
        change.state = state;
        change.by = by;
        change.at = at;
        change.note = note == null || note.length() <= 300 ? note : note.substring(0, 300);
        change.persist();
    }
}
