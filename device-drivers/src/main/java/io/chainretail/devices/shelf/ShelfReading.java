package io.chainretail.devices.shelf;

/** A slot's estimated stock, and whether it is at or below the slot's low-stock level. */
public record ShelfReading(String shelf, int slot, String sku, int units, boolean low) {
}
