package io.chainretail.core.pricing;

import io.chainretail.core.error.Fields;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and when a basket is priced, and for whom.
 *
 * @param localTime  the store's local time: promotion schedules are in store-local time
 * @param memberTier the attached member's tier, or {@code null} when no member is attached
 * @param coupons    coupon codes presented
 */
public record PricingContext(String store, String region, LocalDateTime localTime, String memberTier,
        Set<String> coupons) {

    public PricingContext {
        Fields.code(store, "store");
        Fields.require(localTime != null, "localTime", "must be given");
        coupons = coupons == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(coupons));
    }

    public boolean hasMember() {
        return memberTier != null;
    }
}
