package io.chainretail.agent.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stock count of the store or one category; see V19__stock_counts.sql. */
@Entity
@Table(name = "stock_count")
public class StockCount extends PanacheEntityBase {

    /** OPEN while counting, POSTED when the ledger moved by it, CANCELLED when it was given up. */
    public enum State { OPEN, POSTED, CANCELLED }

    @Id
    @Column(name = "count_id")
    public String countId;

    /** The category counted (with its subcategories), or {@code null} for the whole store. */
    public String category;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;
}
