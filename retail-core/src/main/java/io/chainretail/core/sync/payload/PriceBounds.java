package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;
import java.time.Instant;

/**
 * Prices feed: how far a store manager may move a product's price, as a floor and/or ceiling in minor
 * units, or as a maximum deviation from the price HQ resolves (basis points: 1000 = 10%), during a
 * validity window; or its removal.
 *
 * @param store     the store code, or {@code null} for every store
 * @param validFrom start of the window, or {@code null} for always
 * @param validTo   end of the window (exclusive), or {@code null} for open-ended
 */
public record PriceBounds(String id, String sku, String store, Long floorMinor, Long ceilingMinor,
        Integer maxDeviationBp, Instant validFrom, Instant validTo, boolean removed) implements FeedRecord {

    public PriceBounds {
        Fields.code(id, "id");
        Fields.code(sku, "sku");
        Fields.optionalCode(store, "store");
        boolean absolute = floorMinor != null || ceilingMinor != null;
        Fields.require(absolute || maxDeviationBp != null, "floorMinor",
                "give a floor and/or ceiling, or a maxDeviationBp");
        Fields.require(!absolute || maxDeviationBp == null, "maxDeviationBp",
                "give either a floor/ceiling or a maximum deviation, not both");
        Fields.require(floorMinor == null || floorMinor >= 0, "floorMinor", "must not be negative");
        Fields.require(ceilingMinor == null || ceilingMinor >= 0, "ceilingMinor", "must not be negative");
        Fields.require(floorMinor == null || ceilingMinor == null || floorMinor <= ceilingMinor, "floorMinor",
                "floor " + floorMinor + " is above the ceiling " + ceilingMinor);
        Fields.require(maxDeviationBp == null || (maxDeviationBp > 0 && maxDeviationBp <= 10_000), "maxDeviationBp",
                "must be between 1 and 10000 basis points");
        Fields.require(validFrom == null || validTo == null || validFrom.isBefore(validTo), "validTo",
                "must be after validFrom");
    }

    @Override
    public String key() {
        return id;
    }
}
