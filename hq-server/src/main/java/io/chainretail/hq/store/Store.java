package io.chainretail.hq.store;

import io.chainretail.core.sync.payload.StoreChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A store of the chain, known by its code. */
@Entity
@Table(name = "store")
public class Store extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String currency;

    public String region;

    public String timezone;

    /** The opening hours as JSON, as {@link StoreChange.OpeningHours} list. */
    @Column(name = "opening_hours")
    public String openingHours;

    public int lanes;

    /** How deep a promotion the store may run on its own (basis points off); null: none. */
    @Column(name = "local_promotion_max_bp")
    public Integer localPromotionMaxBp;

    /**
     * How far the store's manager may move a product's price from HQ's where HQ set no bound for it (basis points
     * either way); null only in a store from before HQ had the limit, until HQ's next start gives it the default.
     */
    @Column(name = "price_override_max_bp")
    public Integer priceOverrideMaxBp;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Where the store is, in millionths of a degree, for routing delivery orders; null: not given. */
    @Column(name = "latitude_e6")
    public Integer latitudeE6;

    @Column(name = "longitude_e6")
    public Integer longitudeE6;

    /** How far the store delivers online orders, in metres; null: it does not deliver. */
    @Column(name = "delivery_radius_m")
    public Integer deliveryRadiusM;

    /** This store as the catalog feed carries it. */
    public StoreChange toRecord(List<StoreChange.OpeningHours> hours) {
        return new StoreChange(code, name, region, timezone, currency, hours, lanes, localPromotionMaxBp,
                priceOverrideMaxBp);
    }
}
