package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/** Prices feed: what members of one tier pay for a product; or its removal. */
public record TierPrice(String sku, String tier, long priceMinor, String currency, boolean removed)
        implements FeedRecord {

    public TierPrice {
        Fields.code(sku, "sku");
        Fields.code(tier, "tier");
        Fields.notNegative(priceMinor, "priceMinor");
        Fields.currency(currency, "currency");
    }

    @Override
    public String key() {
        return sku + "#" + tier;
    }
}
