package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.promotion.Promotion;
import java.time.Instant;

/**
 * Uplink: a store manager started, changed or ended a promotion of their store's own, within the depth HQ
 * allows the store ({@link StoreChange#localPromotionMaxBp()}). The store applied it at once; HQ keeps it
 * to show what each store runs.
 */
public record LocalPromotionChanged(Promotion promotion, String manager, Instant changedAt, boolean ended) {

    public LocalPromotionChanged {
        Fields.require(promotion != null, "promotion", "is required");
        Fields.text(manager, Limits.PERSON, "manager");
        Fields.require(changedAt != null, "changedAt", "is required");
    }
}
