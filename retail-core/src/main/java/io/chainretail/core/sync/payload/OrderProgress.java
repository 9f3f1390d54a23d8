package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/**
 * Uplink: what a store did with an online order, journaled in the transaction that did it. The first one
 * ({@code RECEIVED}) is the store's word that it holds the order: HQ stops sending it then. Every event carries
 * the highest version of the order the store holds, so HQ knows when the store has its later changes.
 *
 * @param version the order's version the store holds
 * @param by      who did it: a manager's or cashier's id, or {@code agent} for what the store did on its own
 * @param lines   for {@code PICKED}, what was picked of each line (short picks and substitutions), else empty;
 *                a store agent before deliveries were sold on delivery also sent them with
 *                {@code OUT_FOR_DELIVERY}, as the goods that left its books then
 * @param note    why, for a short pick, an expiry or a failed delivery
 * @param saleId  for {@code HANDED_OVER} (a pickup at a till) and {@code DELIVERED} (a delivery settled at a till
 *                when its driver was back), the sale that recorded it (its lines, the payment, the stock moved);
 *                else {@code null}
 * @param chargedMinor with {@code saleId}, what that sale charged for the order (less than the order's total after
 *                a short pick); else {@code null}. Optional within {@code up.order.v1}: HQ reads its absence (an
 *                older store agent) as not known
 */
public record OrderProgress(String orderId, int version, Step step, String by, Instant at, List<PickedLine> lines,
        String note, String saleId, Long chargedMinor) {

    /**
     * A step of the order at the store. {@code DELIVERY_FAILED}: the driver came back without delivering (the
     * note says why); the order waits at the store again, ready. Only in {@code up.order.v1} from store agents
     * that know it: HQ is upgraded before them.
     */
    public enum Step {
        RECEIVED, PICKED, READY, HANDED_OVER, OUT_FOR_DELIVERY, DELIVERED, EXPIRED, CANCELLED, DELIVERY_FAILED
    }

    public OrderProgress {
        Fields.text(orderId, Limits.ID, "orderId");
        Fields.require(version >= 1, "version", "must be positive");
        Fields.require(step != null, "step", "is required");
        Fields.text(by, Limits.PERSON, "by");
        Fields.require(at != null, "at", "is required");
        lines = lines == null ? List.of() : List.copyOf(lines);
        Fields.optionalText(note, Limits.NOTE, "note");
        Fields.optionalText(saleId, Limits.ID, "saleId");
        Fields.require(chargedMinor == null || (saleId != null && chargedMinor >= 0), "chargedMinor",
                "is what the sale named by saleId charged, zero or more");
    }

    /**
     * What was picked for one ordered line.
     *
     * @param picked       units picked, at most those ordered (fewer: a short pick)
     * @param substitute   the SKU picked instead, with the customer's consent, or {@code null}
     * @param consentBy    how the customer agreed to the substitute (e.g. "phone 13800000000"), or {@code null}
     */
    public record PickedLine(int lineNo, String sku, long picked, String substitute, String consentBy) {

        public PickedLine {
            Fields.text(sku, Limits.SKU, "sku");
            Fields.notNegative(picked, "picked");
            Fields.optionalText(substitute, Limits.SKU, "substitute");
            Fields.optionalText(consentBy, Limits.NOTE, "consentBy");
            Fields.require(substitute == null || consentBy != null, "consentBy",
                    "a substitute needs the customer's consent");
        }
    }
}
