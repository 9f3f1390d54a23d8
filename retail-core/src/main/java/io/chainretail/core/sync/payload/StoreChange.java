package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.sync.FeedRecord;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Catalog feed: a store of the chain, so each store knows its own region (for regional prices and
 * promotions), time zone (for schedules) and the others (for cross-store returns).
 *
 * @param localPromotionMaxBp how deep a promotion the store's manager may run on their own, in basis points
 *                            off (2000 = 20%); {@code null}: HQ does not let the store run its own
 * @param priceOverrideMaxBp  how far the store's manager may move a product's price from HQ's where HQ set no
 *                            bound of its own for the product, in basis points either way (5000 = 50%); HQ
 *                            always sends one ({@code null} only in a record from an HQ that did not: no limit)
 */
public record StoreChange(String code, String name, String region, String timezone, String currency,
        List<OpeningHours> openingHours, int lanes, Integer localPromotionMaxBp, Integer priceOverrideMaxBp)
        implements FeedRecord {

    /** A store that runs only HQ's promotions, with no limit of its own on its manager's prices. */
    public StoreChange(String code, String name, String region, String timezone, String currency,
            List<OpeningHours> openingHours, int lanes) {
        this(code, name, region, timezone, currency, openingHours, lanes, null, null);
    }

    public StoreChange {
        Fields.code(code, "code");
        Fields.notBlank(name, "name");
        Fields.code(region, "region");
        try {
            ZoneId.of(Fields.notBlank(timezone, "timezone"));
        } catch (DateTimeException e) {
            throw new InvalidField("timezone", "'" + timezone
                    + "' is not a time zone such as Asia/Shanghai");
        }
        Fields.currency(currency, "currency");
        openingHours = List.copyOf(openingHours == null ? List.of() : openingHours);
        for (int i = 0; i < openingHours.size(); i++) {
            OpeningHours hours = openingHours.get(i);
            Fields.require(hours != null && hours.day() != null && hours.opens() != null && hours.closes() != null,
                    "openingHours[" + i + "]", "needs day, opens and closes");
            Fields.require(hours.opens().isBefore(hours.closes()), "openingHours[" + i + "].closes",
                    "must be after opens");
        }
        Fields.require(lanes >= 0 && lanes <= 999, "lanes", "must be between 0 and 999");
        Fields.require(localPromotionMaxBp == null || localPromotionMaxBp >= 0 && localPromotionMaxBp <= 10_000,
                "localPromotionMaxBp", "must be between 0 and 10000 (100%)");
        Fields.require(priceOverrideMaxBp == null || priceOverrideMaxBp >= 0 && priceOverrideMaxBp <= 10_000,
                "priceOverrideMaxBp", "must be between 0 and 10000 (100%)");
    }

    /** The same store with the given limit on its manager's prices. */
    public StoreChange withPriceOverrideMaxBp(Integer maxBp) {
        return new StoreChange(code, name, region, timezone, currency, openingHours, lanes, localPromotionMaxBp,
                maxBp);
    }

    /** Open from {@code opens} to {@code closes} (local time) on {@code day}. */
    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    @Override
    public String key() {
        return code;
    }
}
