package io.chainretail.agent.stock;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.sync.payload.StockAdjusted.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The store manager's stock movements: goods received, a count (the ledger moves by the difference),
 * damage and shrink (each with a reason). Each is one ledger movement and one journal event for HQ,
 * in one transaction.
 */
@ApplicationScoped
public class StockAdjustments {

    /** More than this in one movement is a typing mistake, not a delivery. */
    static final long MOST = 100_000;

    private final StockLedger ledger;
    private final Catalog catalog;
    private final Journal journal;

    public StockAdjustments(StockLedger ledger, Catalog catalog, Journal journal) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.journal = journal;
    }

    /**
     * Moves stock; 400 for a quantity out of range or a write-off without a reason, 404 for a product the
     * store does not sell.
     */
    @Transactional
    public StockLedger.OnHand adjust(String sku, Kind kind, long quantity, String note, String manager) {
        if (kind == null) {
            throw Refusal.of(ErrorCode.INVALID_KIND, "kind", "kind must be RECEIVED, COUNTED, DAMAGED or SHRINK");
        }
        long least = kind == Kind.COUNTED ? 0 : 1;
        if (quantity < least || quantity > MOST) {
            throw Refusal.of(ErrorCode.INVALID_QUANTITY, "quantity", "a " + kind.name().toLowerCase() + " quantity "
                    + "must be " + least + " to " + MOST + " units, was " + quantity);
        }
        boolean writeOff = kind == Kind.DAMAGED || kind == Kind.SHRINK;
        if (writeOff && (note == null || note.isBlank())) {
            throw Refusal.of(ErrorCode.REASON_REQUIRED, "note", "say why the goods are written off");
        }
        if (note != null && note.length() > 200) {
            throw Refusal.of(ErrorCode.NOTE_TOO_LONG, "note", "at most 200 characters");
        }
        if (catalog.item(sku, null).isEmpty()) {
            throw Refusal.of(ErrorCode.UNKNOWN_PRODUCT, "This store does not sell " + sku + ".");
        }
        long before = ledger.onHand(sku).quantity();
        long change = switch (kind) {
            case RECEIVED -> quantity;
            case COUNTED -> quantity - before;
            case DAMAGED, SHRINK -> -quantity;
        };
        book(sku, kind, change, kind == Kind.COUNTED ? quantity : null, note, manager);
        return new StockLedger.OnHand(sku, before + change, ledger.onHand(sku).weightGrams());
    }

    /**
     * Moves the ledger by {@code change} and journals it for HQ, in the caller's transaction: what every manual
     * movement comes to, a stock count's differences too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void book(String sku, Kind kind, long change, Long counted, String note, String manager) {
        String movementId = EventIds.next().toString();
        Instant now = Instant.now();
        ledger.move(sku, change, null, kind.name(), movementId);
        journal.append("stock", MessageSchema.STOCK_ADJUSTED, new StockAdjusted(movementId, sku, kind, change,
                counted, note, manager, now), now);
    }
}
