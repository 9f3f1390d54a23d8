package io.chainretail.hq.sales;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed;
import java.util.ArrayList;
import java.util.List;

/**
 * A business key of a fact a store uplinks, held once per store in {@code store_fact_key} across every month of
 * the journal: a second event for the same fact under a new event id clashes on it.
 *
 * @param key  the key as stored, for example {@code sale:<sale id>} or {@code receipt:<lane>/<number>}
 * @param fact the fact, said for an operator: "sale ...", "receipt 1/42"
 */
record FactKey(String key, String fact) {

    /** Every business key of an event: its journal position, and what its kind adds. */
    static List<FactKey> of(Envelope<?> event) {
        List<FactKey> keys = new ArrayList<>(3);
        keys.add(new FactKey("position:" + event.position(), "journal position " + event.position() + " of store "
                + event.store()));
        switch (event.schema()) {
            case SALE -> {
                SaleCompleted sale = event.payloadAs(SaleCompleted.class);
                keys.add(new FactKey("sale:" + sale.saleId(), "sale " + sale.saleId()));
                keys.add(receipt(sale.lane(), sale.receiptNo()));
            }
            case RETURN -> {
                ReturnCompleted refund = event.payloadAs(ReturnCompleted.class);
                keys.add(new FactKey("return:" + refund.returnId(), "return " + refund.returnId()));
                keys.add(receipt(refund.lane(), refund.receiptNo()));
            }
            case SHIFT_CLOSED -> {
                ShiftClosed shift = event.payloadAs(ShiftClosed.class);
                keys.add(new FactKey("shift:" + shift.shiftId(), "shift " + shift.shiftId()));
                keys.add(new FactKey("z:" + shift.lane() + "/" + shift.zNo(), "Z report " + shift.lane() + "/"
                        + shift.zNo()));
            }
            default -> {
                // the journal position is the only key
            }
        }
        return keys;
    }

    /** Receipt numbers are unique per store and lane across sales and returns (a return takes the next one). */
    private static FactKey receipt(String lane, long receiptNo) {
        return new FactKey("receipt:" + lane + "/" + receiptNo, "receipt " + lane + "/" + receiptNo);
    }
}
