package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/** Prices feed: the chain-wide selling price of a product, in minor units (per kilogram when weighed). */
public record ChainPrice(String sku, long priceMinor, String currency) implements FeedRecord {

    public ChainPrice {
        Fields.code(sku, "sku");
        Fields.notNegative(priceMinor, "priceMinor");
        Fields.currency(currency, "currency");
    }

    @Override
    public String key() {
        return sku;
    }
}
