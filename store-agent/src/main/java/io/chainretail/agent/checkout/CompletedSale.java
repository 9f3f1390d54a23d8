package io.chainretail.agent.checkout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A completed sale in the store's own books. */
@Entity
@Table(name = "sale")
public class CompletedSale extends PanacheEntityBase {

    @Id
    @Column(name = "sale_id")
    public String saleId;

    public String lane;

    @Column(name = "receipt_no")
    public long receiptNo;

    public String cashier;

    @Column(name = "total_minor")
    public long totalMinor;

    @Column(name = "change_minor")
    public long changeMinor;

    public String currency;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "receipt_text")
    public String receiptText;

    /** {@code SALE}, {@code RETURN} or {@code VOID}. */
    public String kind = "SALE";

    @Column(name = "shift_id")
    public String shiftId;

    /** For a return or void: the sale it gives money back for; {@code null} for a return without receipt. */
    @Column(name = "original_sale_id")
    public String originalSaleId;

    /** The sale as journaled ({@code SaleCompleted} JSON): lines, promotions, tenders, for views and returns. */
    public String payload;
}
