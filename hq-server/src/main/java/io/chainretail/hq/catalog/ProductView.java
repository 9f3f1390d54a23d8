package io.chainretail.hq.catalog;

import java.time.Instant;
import java.util.List;

/** A product as the API returns it. */
public record ProductView(String sku, String name, List<String> barcodes, long priceMinor, String currency,
        boolean active, Instant updatedAt) {

    static ProductView of(Product product) {
        return new ProductView(product.sku, product.name, product.barcodeList(), product.priceMinor,
                product.currency, product.active, product.updatedAt);
    }
}
