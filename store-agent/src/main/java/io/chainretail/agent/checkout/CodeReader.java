package io.chainretail.agent.checkout;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.gtin.VariableMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what the cashier scanned or keyed into a product: a GTIN, a scale label (variable-measure
 * EAN-13 carrying a price or a weight), or a 5-digit PLU keyed with the weight from the scale.
 * A misread (bad check digit) is refused here and never reaches the sale.
 */
@ApplicationScoped
public class CodeReader {

    /** What a code said: the product, and for a weighed item its label price or weight. */
    public record Read(String code, String sku, Long labelPriceMinor, Long weightGrams) {

        /** Whether the code itself (a scale label) or a weighing says how much was bought. */
        public boolean measured() {
            return labelPriceMinor != null || weightGrams != null;
        }

        /** The same product, weighed at {@code grams} (null: not weighed). */
        public Read weighed(Long grams) {
            return new Read(code, sku, labelPriceMinor, grams);
        }
    }

    private final Catalog catalog;
    private final VariableMeasure labels;

    public CodeReader(Catalog catalog, AgentConfig config) {
        this.catalog = catalog;
        this.labels = VariableMeasure.parse("none".equals(config.variableMeasure()) ? "" : config.variableMeasure());
    }

    /**
     * @param weightGrams the weight keyed by the cashier, for a PLU; else {@code null}
     */
    public Read read(String rawCode, Long weightGrams) {
        return read(rawCode, () -> weightGrams);
    }

    /**
     * @param weight the weight keyed by the cashier or from the lane's scale, asked for only by a PLU (null:
     *               none)
     */
    public Read read(String rawCode, Supplier<Long> weight) {
        String code = rawCode == null ? "" : rawCode.strip();
        if (code.matches("\\d{5}")) {
            String sku = known(catalog.skuOf(code), "No weighed product has item code " + code + ".");
            Long weightGrams = weight.get();
            if (weightGrams == null || weightGrams <= 0) {
                throw Refusal.of(ErrorCode.WEIGHT_NEEDED, "Put item " + code + " on the scale, or key its weight.");
            }
            return new Read(code, sku, null, weightGrams);
        }
        String problem = Gtin.problem(code);
        if (problem != null) {
            throw Refusal.of(ErrorCode.INVALID_BARCODE, "Misread: " + problem + ". Scan again or key it in.");
        }
        if (labels.isVariable(code)) {
            VariableMeasure.Reading label = labels.read(code).orElseThrow();
            String sku = known(catalog.skuOf(label.plu()), "No weighed product has item code " + label.plu()
                    + " (scale label " + code + ").");
            return label.kind() == VariableMeasure.Kind.PRICE ? new Read(code, sku, label.value(), null)
                    : new Read(code, sku, null, label.value());
        }
        return new Read(code, known(catalog.skuOf(code), "No product with barcode " + code
                + " is on sale in this store."), null, null);
    }

    private static String known(Optional<String> sku, String otherwise) {
        return sku.orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_BARCODE, otherwise));
    }
}
