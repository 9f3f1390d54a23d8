package io.chainretail.core.sync.payload;

/** How a product is sold: by the piece, or weighed (priced per kilogram, variable-measure barcodes). */
public enum Measure {
    UNIT,
    WEIGHT
}
