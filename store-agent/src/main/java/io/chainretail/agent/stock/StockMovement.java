package io.chainretail.agent.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of a product's stock: negative out (sale), positive in (return). */
@Entity
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sku;

    /** Units; for a weighed line, 1 per label with the weight in {@link #weightGrams}. */
    public long quantity;

    @Column(name = "weight_grams")
    public Long weightGrams;

    /**
     * {@code SALE}, {@code RETURN}, {@code VOID}, or a manager's {@code RECEIVED}, {@code COUNTED},
     * {@code DAMAGED}, {@code SHRINK}.
     */
    public String reason;

    /** The receipt (sale or return id) or the manager's movement id that moved it. */
    public String reference;

    @Column(name = "moved_at")
    public Instant movedAt;
}
