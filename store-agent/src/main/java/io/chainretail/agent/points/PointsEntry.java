package io.chainretail.agent.points;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Points earned or redeemed by a member on one sale at this store. */
@Entity
@Table(name = "points_entry")
public class PointsEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String member;

    /** {@code EARN} or {@code REDEEM}. */
    public String kind;

    public long points;

    @Column(name = "sale_id")
    public String saleId;

    /** The sale's journal event: until HQ acknowledges it, a redemption is not in HQ's balance yet. */
    @Column(name = "event_id")
    public String eventId;

    public boolean offline;

    @Column(name = "entered_at")
    public Instant enteredAt;
}
