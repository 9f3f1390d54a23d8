package io.chainretail.hq.catalog;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.pricing.ChainCurrency;
import java.util.List;

/**
 * What a client sends to create or replace a product. The rules live in the feed records it becomes
 * ({@link ProductChange}, {@link ChainPrice}), so the API, CSV import and stores refuse the same things.
 * Defaults: currency CNY, active, tax class STD, measure UNIT.
 */
public record ProductInput(String sku, String name, List<String> barcodes, Long priceMinor, String currency,
        Boolean active, String category, String brand, String taxClass, Measure measure, String plu) {

    /** A unit product in the standard tax class, as older clients and the demo send it. */
    public ProductInput(String sku, String name, List<String> barcodes, Long priceMinor, String currency,
            Boolean active) {
        this(sku, name, barcodes, priceMinor, currency, active, null, null, null, null, null);
    }

    ProductChange toChange() {
        List<String> codes = barcodes == null ? List.of() : barcodes.stream().map(b -> b == null ? "" : b.strip())
                .toList();
        return new ProductChange(sku, name == null ? null : name.strip(), codes, active == null || active, category,
                brand, taxClass == null ? "STD" : taxClass, measure == null ? Measure.UNIT : measure, plu);
    }

    ChainPrice toChainPrice() {
        Fields.require(priceMinor != null, "priceMinor", "is required");
        return new ChainPrice(sku, priceMinor, ChainCurrency.of(currency));
    }
}
