package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/**
 * Uplink: a completed sale, a fact HQ records as it happened, priced by the store with the data it had
 * ({@code pricesSeq}, {@code promotionsSeq}: its replica's positions in those feeds).
 *
 * @param member     the member's card number, or {@code null}
 * @param coupons    coupons presented
 * @param savingMinor what promotions took off, over all lines
 * @param taxMinor   the tax in or on the lines
 * @param totalMinor what the customer paid: the lines' payable amounts
 * @param pointsEarned   points the member earned on this sale
 * @param pointsRedeemed points the member paid with (the {@code POINTS} tender)
 * @param offline        the store could not reach HQ when the sale completed
 */
public record SaleCompleted(
        String saleId,
        String lane,
        long receiptNo,
        String cashier,
        Instant completedAt,
        String currency,
        String member,
        List<String> coupons,
        List<SaleLine> lines,
        long savingMinor,
        long taxMinor,
        long totalMinor,
        List<Tender> tenders,
        long changeMinor,
        long pricesSeq,
        long promotionsSeq,
        long pointsEarned,
        long pointsRedeemed,
        boolean offline) {

    public SaleCompleted {
        Fields.text(saleId, Limits.ID, "saleId");
        Fields.text(lane, Limits.LANE, "lane");
        Fields.text(cashier, Limits.PERSON, "cashier");
        Fields.require(receiptNo >= 1, "receiptNo", "must be positive");
        Fields.require(completedAt != null, "completedAt", "is required");
        Fields.currency(currency, "currency");
        Fields.optionalText(member, Limits.PERSON, "member");
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        lines = lines == null ? List.of() : List.copyOf(lines);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
        Fields.require(!lines.isEmpty(), "lines", "a sale has at least one line");
        Fields.require(lines.stream().mapToLong(SaleLine::payableMinor).sum() == totalMinor, "totalMinor",
                "is not the sum of the lines");
        Fields.require(lines.stream().mapToLong(SaleLine::savingMinor).sum() == savingMinor, "savingMinor",
                "is not the sum of the lines' savings");
        Fields.require(lines.stream().mapToLong(SaleLine::taxMinor).sum() == taxMinor, "taxMinor",
                "is not the sum of the lines' tax");
        long tendered = tenders.stream().mapToLong(Tender::amountMinor).sum();
        Fields.require(changeMinor >= 0 && tendered - changeMinor == totalMinor, "changeMinor",
                "tenders minus change must equal the total");
        Fields.notNegative(pointsEarned, "pointsEarned");
        Fields.notNegative(pointsRedeemed, "pointsRedeemed");
        Fields.require(member != null || (pointsEarned == 0 && pointsRedeemed == 0), "member",
                "points are earned and redeemed by a member");
    }

    /**
     * One sold line as priced.
     *
     * @param weightGrams    for a weighed line, the weight (when the scale or label gave it), else {@code null}
     * @param unitPriceMinor the regular price of one unit (of a weighed line: of the weighed amount)
     * @param amountMinor    regular minus saving
     * @param payableMinor   what the customer paid for the line: the amount, plus exclusive tax
     * @param promotions     which promotion versions changed the line, and by how much
     */
    public record SaleLine(int lineNo, String sku, String code, String name, long quantity, Long weightGrams,
            long unitPriceMinor, long regularMinor, long savingMinor, long amountMinor, String taxClass,
            long taxMinor, long payableMinor, List<LinePromotion> promotions) {

        public SaleLine {
            Fields.text(sku, Limits.SKU, "sku");
            Fields.optionalText(code, Limits.SKU, "code");
            Fields.optionalText(name, Limits.NAME, "name");
            Fields.optionalText(taxClass, Limits.CODE, "taxClass");
            Fields.require(quantity >= 1, "quantity", "must be positive");
            Fields.notNegative(unitPriceMinor, "unitPriceMinor");
            Fields.require(regularMinor == Math.multiplyExact(unitPriceMinor, quantity), "regularMinor",
                    "must be unit price times quantity");
            Fields.require(savingMinor >= 0 && amountMinor == regularMinor - savingMinor && amountMinor >= 0,
                    "amountMinor", "must be the regular amount minus the saving, not below zero");
            promotions = promotions == null ? List.of() : List.copyOf(promotions);
            Fields.require(promotions.stream().mapToLong(LinePromotion::savingMinor).sum() == savingMinor,
                    "promotions", "must add up to the line's saving");
        }
    }

    /** The trace of one promotion version on a line. */
    public record LinePromotion(String code, int version, long savingMinor) {
    }

    /**
     * One payment: type (CASH, CARD, VOUCHER, POINTS), amount given, and for a card or voucher the
     * reference that ties it to the card terminal's slip or the voucher (null when none was given).
     */
    public record Tender(String type, long amountMinor, String reference) {

        public Tender {
            Fields.text(type, Limits.CODE, "type");
            Fields.notNegative(amountMinor, "amountMinor");
            // An online payment's reference is its order's channel and channel order id (up to 32 + 1 + 64).
            Fields.require(reference == null || reference.length() <= 100, "reference", "at most 100 characters");
        }

        public Tender(String type, long amountMinor) {
            this(type, amountMinor, null);
        }
    }
}
