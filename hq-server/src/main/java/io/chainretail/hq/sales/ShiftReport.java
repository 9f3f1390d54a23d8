package io.chainretail.hq.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A lane's Z report as the store sent it. */
@Entity
@Table(name = "shift_report")
public class ShiftReport extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "shift_id")
    public String shiftId;

    @Column(name = "store_code")
    public String storeCode;

    public String lane;

    @Column(name = "z_no")
    public long zNo;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The {@code ShiftClosed} JSON. */
    public String payload;
}
