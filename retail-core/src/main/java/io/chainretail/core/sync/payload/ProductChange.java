package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.sync.FeedRecord;
import java.util.List;

/**
 * Catalog feed: a product as HQ now has it (an upsert; inactive products stay for returns).
 *
 * @param category the category code, or {@code null}
 * @param brand    the brand code, or {@code null}
 * @param taxClass the tax class code
 * @param measure  sold by the piece or weighed
 * @param plu      the 5-digit item code a variable-measure barcode (prefix 20-29) carries; weighed items need one
 */
public record ProductChange(String sku, String name, List<String> barcodes, boolean active, String category,
        String brand, String taxClass, Measure measure, String plu) implements FeedRecord {

    public ProductChange {
        Fields.code(sku, "sku");
        Fields.notBlank(name, "name");
        Fields.require(name.length() <= 300, "name", "must be at most 300 characters");
        // Sorted, so the same product always has the same canonical JSON (and replica hash).
        barcodes = barcodes == null ? List.of() : barcodes.stream().sorted().toList();
        for (int i = 0; i < barcodes.size(); i++) {
            String problem = Gtin.problem(barcodes.get(i));
            if (problem != null) {
                throw new InvalidField("barcodes[" + i + "]", problem);
            }
        }
        Fields.optionalCode(category, "category");
        Fields.optionalCode(brand, "brand");
        Fields.code(taxClass, "taxClass");
        Fields.require(measure != null, "measure", "must be UNIT or WEIGHT");
        Fields.require(plu == null || plu.matches("\\d{5}"), "plu", "must be 5 digits");
        Fields.require(measure != Measure.WEIGHT || plu != null, "plu",
                "a weighed product needs the 5-digit item code its scale labels carry");
    }

    @Override
    public String key() {
        return sku;
    }
}
