package io.chainretail.core.sync.payload;

import io.chainretail.core.gtin.Gtin;
import java.util.List;

/** Catalog feed: a product as HQ now has it (an upsert; inactive products stay for returns). */
public record ProductChange(String sku, String name, List<String> barcodes, boolean active) {

    public ProductChange {
        Checks.notBlank(sku, "sku");
        Checks.notBlank(name, "name");
        barcodes = List.copyOf(barcodes);
        for (String barcode : barcodes) {
            String problem = Gtin.problem(barcode);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }
}
