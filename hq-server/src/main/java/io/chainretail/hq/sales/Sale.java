package io.chainretail.hq.sales;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A completed sale as a store reported it; never changed after it is stored. */
@Entity
@Table(name = "sale")
public class Sale extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "sale_id")
    public String saleId;

    @Column(name = "store_code")
    public String storeCode;

    public String lane;

    @Column(name = "receipt_no")
    public long receiptNo;

    public String cashier;

    @Column(name = "total_minor")
    public long totalMinor;

    public String currency;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String payload;
}
