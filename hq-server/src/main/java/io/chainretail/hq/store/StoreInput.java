package io.chainretail.hq.store;

import io.chainretail.core.sync.payload.StoreChange;
import java.util.List;

/**
 * A store as a client creates or replaces it; {@code region} (default {@code default}), {@code timezone}
 * (default UTC), {@code currency} (default CNY), {@code openingHours}, {@code lanes} (default 1) and
 * {@code localPromotionMaxBp} (default: the store runs only HQ's promotions) and {@code priceOverrideMaxBp}
 * (default: {@code hq.pricing.default-price-override-max-bp}) may be left out.
 */
public record StoreInput(String code, String name, String currency, String region, String timezone,
        List<StoreChange.OpeningHours> openingHours, Integer lanes, Integer localPromotionMaxBp,
        Integer priceOverrideMaxBp) {

    /** The store as the feed will carry it; throws {@link io.chainretail.core.error.InvalidField}. */
    StoreChange toRecord() {
        return new StoreChange(code, name, region == null ? "default" : region,
                timezone == null ? "UTC" : timezone, currency == null ? "CNY" : currency, openingHours,
                lanes == null ? 1 : lanes, localPromotionMaxBp, priceOverrideMaxBp);
    }
}
