package io.chainretail.core.pricing;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/**
 * A store manager's price for one product at their store, during a window.
 *
 * @param validFrom start, or {@code null} for now on
 * @param validTo   end (exclusive), or {@code null} for open-ended
 */
public record StoreOverride(String sku, long priceMinor, Instant validFrom, Instant validTo) {

    public StoreOverride {
        Fields.code(sku, "sku");
        Fields.notNegative(priceMinor, "priceMinor");
        Fields.require(validFrom == null || validTo == null || validFrom.isBefore(validTo), "validTo",
                "must be after validFrom");
    }

    public boolean isValidAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }
}
