package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/**
 * Uplink: money given back at a lane, a fact like a sale. A {@code RETURN} refunds chosen lines of a
 * sale at the price paid (or, without a receipt, at the current price with a manager's approval); a
 * {@code VOID} cancels a whole completed sale with a manager's approval. Either takes the lane's next
 * receipt number.
 *
 * @param kind           {@code RETURN} or {@code VOID}
 * @param approver       the manager who approved, or {@code null} when none was needed
 * @param originalSaleId the sale returned from, or {@code null} for a return without receipt
 * @param totalMinor     what was refunded: the sum of the lines' refunds, and of the tenders
 * @param pointsReversed points the member earned on what came back, taken off again
 * @param pointsRestored points the member paid with, given back (a {@code POINTS} refund tender)
 */
public record ReturnCompleted(
        String returnId,
        String kind,
        String lane,
        long receiptNo,
        String cashier,
        String approver,
        Instant completedAt,
        String currency,
        String originalSaleId,
        String member,
        List<ReturnLine> lines,
        long taxMinor,
        long totalMinor,
        List<SaleCompleted.Tender> tenders,
        String reason,
        long pointsReversed,
        long pointsRestored) {

    public ReturnCompleted {
        Fields.text(returnId, Limits.ID, "returnId");
        Fields.require("RETURN".equals(kind) || "VOID".equals(kind), "kind", "must be RETURN or VOID");
        Fields.text(lane, Limits.LANE, "lane");
        Fields.text(cashier, Limits.PERSON, "cashier");
        Fields.optionalText(approver, Limits.PERSON, "approver");
        Fields.require(receiptNo >= 1, "receiptNo", "must be positive");
        Fields.require(completedAt != null, "completedAt", "is required");
        Fields.optionalCurrency(currency, "currency");
        Fields.optionalText(originalSaleId, Limits.ID, "originalSaleId");
        Fields.optionalText(member, Limits.PERSON, "member");
        Fields.optionalText(reason, Limits.NAME, "reason");
        lines = lines == null ? List.of() : List.copyOf(lines);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
        Fields.require(!lines.isEmpty(), "lines", "a return has at least one line");
        Fields.require(originalSaleId != null || approver != null, "approver",
                "a return without receipt needs a manager's approval");
        Fields.require(lines.stream().mapToLong(ReturnLine::refundMinor).sum() == totalMinor, "totalMinor",
                "is not the sum of the lines");
        Fields.require(lines.stream().mapToLong(ReturnLine::taxMinor).sum() == taxMinor, "taxMinor",
                "is not the sum of the lines' tax");
        Fields.require(tenders.stream().mapToLong(SaleCompleted.Tender::amountMinor).sum() == totalMinor, "tenders",
                "must add up to the refund");
        Fields.notNegative(pointsReversed, "pointsReversed");
        Fields.notNegative(pointsRestored, "pointsRestored");
        Fields.require(member != null || (pointsReversed == 0 && pointsRestored == 0), "member",
                "points move for a member");
    }

    /**
     * One line given back.
     *
     * @param originalLineNo the sale's line, or {@code null} without receipt
     * @param refundMinor    what the customer gets back for it, tax included
     */
    public record ReturnLine(Integer originalLineNo, String sku, String name, long quantity, Long weightGrams,
            long refundMinor, String taxClass, long taxMinor) {

        public ReturnLine {
            Fields.text(sku, Limits.SKU, "sku");
            Fields.optionalText(name, Limits.NAME, "name");
            Fields.require(quantity >= 1, "quantity", "must be positive");
            Fields.notNegative(refundMinor, "refundMinor");
            Fields.notNegative(taxMinor, "taxMinor");
        }
    }
}
