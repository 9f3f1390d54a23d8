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

    /** A slot as configured: {@code sku:tare-grams:unit-grams:low-stock-units}, e.g. {@code COLA-330:120:350:2}. */
    public static Slot parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 4 || parts[0].isBlank()) {
            throw new IllegalArgumentException("slot '" + text + "': write sku:tare-grams:unit-grams:low-stock-units, "
                    + "e.g. COLA-330:120:350:2");
        }
        try {
            return new Slot(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("slot '" + text + "': tare, unit weight and low-stock level are whole "
                    + "numbers");
        }
    }
}
