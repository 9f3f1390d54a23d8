package io.chainretail.hq.pricing;

import io.chainretail.core.sync.payload.PriceBounds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far store managers may move a product's price, at one store or all, during a window. */
@Entity
@Table(name = "price_bounds")
public class PriceBoundsEntry extends PanacheEntityBase {

    @Id
    public String id;

    public String sku;

    /** The store, or {@code null} for every store. */
    @Column(name = "store_code")
    public String store;

    @Column(name = "floor_minor")
    public Long floorMinor;

    @Column(name = "ceiling_minor")
    public Long ceilingMinor;

    @Column(name = "max_deviation_bp")
    public Integer maxDeviationBp;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    public PriceBounds toRecord() {
        return new PriceBounds(id, sku, store, floorMinor, ceilingMinor, maxDeviationBp, validFrom, validTo, false);
    }
}
