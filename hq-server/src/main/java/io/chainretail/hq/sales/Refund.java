package io.chainretail.hq.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A return or voided sale as a store reported it; never changed after it is stored. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "return_id")
    public String returnId;

    /** {@code RETURN} or {@code VOID}. */
    public String kind;

    @Column(name = "store_code")
    public String storeCode;

    public String lane;

    @Column(name = "receipt_no")
    public long receiptNo;

    @Column(name = "original_sale_id")
    public String originalSaleId;

    @Column(name = "total_minor")
    public long totalMinor;

    public String currency;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String payload;
}
