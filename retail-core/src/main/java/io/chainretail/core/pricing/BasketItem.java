package io.chainretail.core.pricing;

/**
 * One line as the till rings it up: a product, how many, and for an item sold by weight the price its scale
 * label carries or the weight it was weighed at.
 *
 * @param labelPriceMinor the price printed on a scale label, or {@code null}
 * @param weightGrams     the weight from a label, the lane's scale or the cashier, or {@code null}
 */
public record BasketItem(int lineNo, String sku, int quantity, Long labelPriceMinor, Long weightGrams) {

    /** Whether the line says how much was bought by its label or its weight (one weighing per line). */
    public boolean measured() {
        return labelPriceMinor != null || weightGrams != null;
    }
}
