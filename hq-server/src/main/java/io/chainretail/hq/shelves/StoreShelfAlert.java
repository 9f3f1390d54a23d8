package io.chainretail.hq.shelves;

import io.chainretail.core.sync.payload.ShelfAlert;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's shelf alert as HQ last heard of it; see V6__shelf_alerts.sql. */
@Entity
@Table(name = "shelf_alert")
public class StoreShelfAlert extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "store_code")
    public String storeCode;

    @Enumerated(EnumType.STRING)
    public ShelfAlert.Kind kind;

    public String shelf;

    public int slot;

    public String sku;

    @Column(name = "shelf_units")
    public int shelfUnits;

    @Column(name = "book_units")
    public Long bookUnits;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    /** Applies a raise or a clear, in whichever order they arrive. */
    public static void record(String store, ShelfAlert event) {
        StoreShelfAlert alert = findById(event.alertId());
        if (alert == null) {
            alert = new StoreShelfAlert();
            alert.alertId = event.alertId();
            alert.storeCode = store;
            alert.kind = event.kind();
            alert.shelf = event.shelf();
            alert.slot = event.slot();
            alert.sku = event.sku();
            alert.persist();
        }
        alert.shelfUnits = event.shelfUnits();
        alert.bookUnits = event.bookUnits();
        if (event.state() == ShelfAlert.State.RAISED) {
            alert.raisedAt = event.at();
        } else {
            alert.clearedAt = event.at();
        }
    }
}
