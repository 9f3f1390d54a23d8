package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/**
 * Uplink: a store manager set (or removed) their store's price for a product, inside HQ's bounds, for a
 * window. HQ keeps it to show what each store charges; the store applied it at once.
 *
 * @param validFrom start, or {@code null} for at once
 * @param validTo   end (exclusive), or {@code null} for open-ended
 */
public record PriceOverrideChanged(String sku, Long priceMinor, String currency, Instant validFrom,
        Instant validTo, String manager, Instant changedAt, boolean removed) {

    public PriceOverrideChanged {
        Fields.code(sku, "sku");
        Fields.text(manager, Limits.PERSON, "manager");
        Fields.optionalCurrency(currency, "currency");
        Fields.require(removed || priceMinor != null && priceMinor >= 0, "priceMinor", "must not be negative");
        Fields.require(changedAt != null, "changedAt", "is required");
    }
}
