package io.chainretail.hq.stock;

import io.chainretail.core.sync.payload.StockAdjusted;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Stock a store's manager moved by hand; see V10__store_stock_adjustments.sql. */
@Entity
@Table(name = "store_stock_adjustment")
public class StoreStockAdjustment extends PanacheEntityBase {

    @Id
    @Column(name = "movement_id")
    public String movementId;

    @Column(name = "store_code")
    public String storeCode;

    public String sku;

    @Enumerated(EnumType.STRING)
    public StockAdjusted.Kind kind;

    /** The change in units, negative out. */
    public long quantity;

    /** Units counted, for a count. */
    public Long counted;

    public String note;

    public String manager;

    @Column(name = "moved_at")
    public Instant movedAt;

    /** Stores a store's report (once: the event's ingest is idempotent). */
    public static void record(String store, StockAdjusted event) {
        StoreStockAdjustment row = new StoreStockAdjustment();
        row.movementId = event.movementId();
        row.storeCode = store;
        row.sku = event.sku();
        row.kind = event.kind();
        row.quantity = event.quantity();
        row.counted = event.counted();
        row.note = event.note();
        row.manager = event.manager();
        row.movedAt = event.at();
        row.persist();
    }
}
