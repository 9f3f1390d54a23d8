package io.chainretail.hq.catalog;

import io.chainretail.core.error.InvalidField;
import io.chainretail.core.gtin.VariableMeasure;
import io.chainretail.hq.HqConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The chain's variable-measure scheme ({@code hq.catalog.variable-measure}). A code with one of its
 * prefixes is a scale label carrying a PLU and a price or weight, never a product's own barcode.
 */
@ApplicationScoped
public class ScaleLabels {

    private final VariableMeasure scheme;

    public ScaleLabels(HqConfig config) {
        this.scheme = VariableMeasure.parse(config.catalog().variableMeasure());
    }

    /** Refuses a product barcode that a scale would print; names it as {@code barcodes[i]}. */
    public void refuseAsBarcodes(List<String> barcodes) {
        for (int i = 0; i < barcodes.size(); i++) {
            if (scheme.isVariable(barcodes.get(i))) {
                throw new InvalidField("barcodes[" + i + "]", "barcode " + barcodes.get(i)
                        + " has a scale-label prefix " + barcodes.get(i).substring(0, 2)
                        + "; sell weighed items by their 5-digit plu instead");
            }
        }
    }
}
