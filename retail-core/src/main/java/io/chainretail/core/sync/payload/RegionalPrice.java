package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;

/** Prices feed: a product's price in one region, ahead of the chain price; or its removal. */
public record RegionalPrice(String sku, String region, long priceMinor, String currency, boolean removed)
        implements FeedRecord {

    public RegionalPrice {
        Fields.code(sku, "sku");
        Fields.code(region, "region");
        Fields.notNegative(priceMinor, "priceMinor");
        Fields.currency(currency, "currency");
    }

    @Override
    public String key() {
        return sku + "@" + region;
    }
}
