package io.chainretail.hq.pricing;

import io.chainretail.core.sync.payload.RegionalPrice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A product's price in one region, ahead of the chain price. */
@Entity
@Table(name = "regional_price")
public class RegionPrice extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "price_minor")
    public long priceMinor;

    public String currency;

    public RegionalPrice toRecord() {
        return new RegionalPrice(key.sku(), key.region(), priceMinor, currency, false);
    }

    /** Product and region. */
    @Embeddable
    public record Key(String sku, String region) implements Serializable {
    }
}
