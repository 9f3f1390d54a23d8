package io.chainretail.hq.pricing;

import io.chainretail.core.sync.payload.TierPrice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** What members of one tier pay for a product. */
@Entity
@Table(name = "tier_price")
public class TierPriceEntry extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "price_minor")
    public long priceMinor;

    public String currency;

    public TierPrice toRecord() {
        return new TierPrice(key.sku(), key.tier(), priceMinor, currency, false);
    }

    /** Product and member tier. */
    @Embeddable
    public record Key(String sku, String tier) implements Serializable {
    }
}
