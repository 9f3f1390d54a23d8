package io.chainretail.devices.shelf;

/**
 * One slot of a weighing shelf: the product on it, the weight of the empty slot (tare) and of one
 * unit, and below how many units the store manager wants to hear about it.
 */
public record Slot(String sku, int tareGrams, int unitGrams, int lowStock) {

    public Slot {
        if (unitGrams <= 0 || tareGrams < 0 || lowStock < 0) {
            throw new IllegalArgumentException("slot of " + sku + ": unit weight must be positive, tare and "
                    + "low-stock level not negative");
        }
    }
}
