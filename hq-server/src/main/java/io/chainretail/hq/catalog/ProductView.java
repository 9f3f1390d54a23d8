package io.chainretail.hq.catalog;

import io.chainretail.core.sync.payload.Measure;
import java.time.Instant;
import java.util.List;

/** A product as the API returns it. */
public record ProductView(String sku, String name, List<String> barcodes, long priceMinor, String currency,
        boolean active, String category, String brand, String taxClass, Measure measure, String plu,
        Instant updatedAt) {

    static ProductView of(Product product) {
        return new ProductView(product.sku, product.name, product.barcodeList(), product.priceMinor,
                product.currency, product.active, product.category, product.brand, product.taxClass,
                product.measure, product.plu, product.updatedAt);
    }
}
