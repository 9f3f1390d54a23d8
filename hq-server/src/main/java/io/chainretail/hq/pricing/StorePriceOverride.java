package io.chainretail.hq.pricing;

import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A store's own price for a product, as the store reported it; see V9__store_price_overrides.sql. */
@Entity
@Table(name = "store_price_override")
public class StorePriceOverride extends PanacheEntityBase {

    /** Store and SKU. */
    @Embeddable
    public record Key(@Column(name = "store_code") String store, String sku) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "price_minor")
    public long priceMinor;

    public String currency;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;

    /** Applies a store's report: set or replace, or remove. */
    public static void record(String store, PriceOverrideChanged change) {
        Key key = new Key(store, change.sku());
        StorePriceOverride override = findById(key);
        if (change.removed()) {
            if (override != null) {
                override.delete();
            }
            return;
        }
        boolean created = override == null;
        if (created) {
            override = new StorePriceOverride();
            override.key = key;
        }
        override.priceMinor = change.priceMinor();
        override.currency = change.currency();
        override.validFrom = change.validFrom();
        override.validTo = change.validTo();
        override.setBy = change.manager();
        override.setAt = change.changedAt();
        if (created) {
            override.persist();
        }
    }
}
