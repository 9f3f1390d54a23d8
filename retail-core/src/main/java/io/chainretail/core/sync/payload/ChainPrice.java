package io.chainretail.core.sync.payload;

import java.util.Currency;

/** Prices feed: the chain-wide selling price of a product, in minor units. */
public record ChainPrice(String sku, long priceMinor, String currency) {

    public ChainPrice {
        Checks.notBlank(sku, "sku");
        if (priceMinor < 0) {
            throw new IllegalArgumentException("priceMinor must not be negative");
        }
        Currency.getInstance(currency);
    }
}
