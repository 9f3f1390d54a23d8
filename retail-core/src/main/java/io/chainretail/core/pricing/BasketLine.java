package io.chainretail.core.pricing;

import io.chainretail.core.error.Fields;
import java.util.List;

/**
 * One line of a basket as the engine sees it: what the item is (for promotion scopes), how many, and
 * its regular price already resolved for this store, instant and member ({@link PriceResolver}).
 *
 * @param categories     the item's category and every ancestor, nearest first: a promotion on
 *                       "DRINKS" covers "SOFT-DRINKS" beneath it
 * @param brand          the brand code, or {@code null}
 * @param quantity       units; a weighed line is one unit
 * @param unitPriceMinor the regular price of one unit; for a weighed line, the price of the weighed amount
 * @param weighed        weighed or variable-measure: never counted towards multi-buy or buy X get Y
 */
public record BasketLine(int lineNo, String sku, List<String> categories, String brand, int quantity,
        long unitPriceMinor, boolean weighed, Tax tax) {

    /** More units on one line than any till sells; keeps the engine's work bounded. */
    public static final int MAX_QUANTITY = 9_999;

    public BasketLine {
        Fields.code(sku, "sku");
        categories = categories == null ? List.of() : List.copyOf(categories);
        Fields.require(quantity >= 1 && quantity <= MAX_QUANTITY, "quantity",
                "must be between 1 and " + MAX_QUANTITY);
        Fields.require(!weighed || quantity == 1, "quantity", "a weighed line is one unit");
        Fields.notNegative(unitPriceMinor, "unitPriceMinor");
        Fields.require(tax != null, "tax", "every line needs its tax class");
    }

    public long regularMinor() {
        return Math.multiplyExact(unitPriceMinor, quantity);
    }
}
