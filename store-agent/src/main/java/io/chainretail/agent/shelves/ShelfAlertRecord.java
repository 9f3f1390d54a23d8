package io.chainretail.agent.shelves;

import io.chainretail.core.sync.payload.ShelfAlert;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shelf alert as the store keeps it; see V9__shelf_alerts.sql. */
@Entity
@Table(name = "shelf_alert")
public class ShelfAlertRecord extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Enumerated(EnumType.STRING)
    public ShelfAlert.Kind kind;

    public String shelf;

    public int slot;

    public String sku;

    /** What the shelf counted when the alert was raised, and then when it was cleared. */
    @Column(name = "shelf_units")
    public int shelfUnits;

    /** The ledger's units on hand at the same moments; null for low stock. */
    @Column(name = "book_units")
    public Long bookUnits;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;
}
