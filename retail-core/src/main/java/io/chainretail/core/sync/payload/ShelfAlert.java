package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/**
 * Uplink: a smart shelf's alert raised or cleared at a store (a summary, never raw readings). An alert
 * is raised once and cleared once; both carry its id, and what the shelf counted and the books held
 * at that moment.
 *
 * @param bookUnits the stock ledger's units on hand, or {@code null} for a low-stock alert
 */
public record ShelfAlert(String alertId, Kind kind, State state, String shelf, int slot, String sku, int shelfUnits,
        Long bookUnits, Instant at) {

    /** LOW_STOCK: at or below the slot's level. DISCREPANCY: the shelf and the books disagree for too long. */
    public enum Kind { LOW_STOCK, DISCREPANCY }

    public enum State { RAISED, CLEARED }

    public ShelfAlert {
        Fields.text(alertId, Limits.ID, "alertId");
        Fields.text(shelf, Limits.CODE, "shelf");
        Fields.text(sku, Limits.SKU, "sku");
        Fields.require(kind != null, "kind", "is required");
        Fields.require(state != null, "state", "is required");
        Fields.require(at != null, "at", "is required");
    }
}
