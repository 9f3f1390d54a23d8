package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;

/**
 * Uplink: a store manager moved stock by hand: goods received, a count, damage or shrink. Sales and
 * returns move stock too, and HQ has those from their own events.
 *
 * @param quantity the change in units (negative out); for a count, counted minus what the books held
 * @param counted  for a count, the units counted; otherwise {@code null}
 * @param note     the delivery note, or why goods were written off
 */
public record StockAdjusted(String movementId, String sku, Kind kind, long quantity, Long counted, String note,
        String manager, Instant at) {

    /** What happened to the goods. */
    public enum Kind { RECEIVED, COUNTED, DAMAGED, SHRINK }

    public StockAdjusted {
        Fields.text(movementId, Limits.ID, "movementId");
        Fields.optionalText(note, Limits.NOTE, "note");
        Fields.code(sku, "sku");
        Fields.require(kind != null, "kind", "is required");
        Fields.text(manager, Limits.PERSON, "manager");
        Fields.require(at != null, "at", "is required");
    }
}
