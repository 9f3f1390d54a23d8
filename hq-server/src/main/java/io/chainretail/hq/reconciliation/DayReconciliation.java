package io.chainretail.hq.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * One store's business day as HQ sees it: each Z report against the receipts HQ holds for it, lanes
 * still open, and holes in the store's journal.
 *
 * @param journalGaps journal positions HQ never received from this store (at most 1,000 listed)
 * @param quarantined journal positions of events of that day HQ received but holds in its quarantine,
 *                    still open (not replayed or dismissed)
 * @param unclosed    lanes with receipts that day not yet covered by a Z report HQ holds
 * @param stalePrices sale lines priced with older data than HQ had at the time; an exception to review,
 *                    not a fault in the books, so it does not make the day not {@code ok}
 * @param pointsExceptions members who redeemed more offline than their allowance, or whose balance is
 *                    negative; for review, like stale prices
 * @param ok          no gap, no mismatch, nothing held, everything closed
 */
public record DayReconciliation(String store, LocalDate day, int sales, int returns, long salesMinor,
        long returnsMinor, List<ShiftCheck> shifts, List<String> unclosed, List<Long> journalGaps,
        List<Long> quarantined, List<StalePrice> stalePrices, List<PointsException> pointsExceptions, boolean ok) {

    /**
     * One Z report checked: the receipt numbers it covers, which of them HQ lacks, and its tender totals
     * against the receipts HQ holds.
     */
    public record ShiftCheck(String lane, long zNo, String shiftId, long firstReceiptNo, long lastReceiptNo,
            List<Long> missingReceipts, List<TenderCheck> tenders, long expectedCashMinor, long countedCashMinor,
            long varianceMinor, boolean ok) {
    }

    /** One tender of one shift: the Z report's totals and HQ's from the receipts. */
    public record TenderCheck(String type, long reportedInMinor, long reportedOutMinor, long receivedInMinor,
            long receivedOutMinor, boolean ok) {
    }

    /**
     * A sale line priced with older price data than HQ's at the time of the sale.
     *
     * @param hqUnitMinor     HQ's price then, or {@code null} when it is past the outbox's retention
     * @param differenceMinor what the line would have cost more ({@code > 0}) or less at HQ's price
     */
    public record StalePrice(String saleId, String lane, long receiptNo, int lineNo, String sku, long storePricesSeq,
            long hqPricesSeq, long chargedUnitMinor, Long hqUnitMinor, long quantity, Long differenceMinor) {
    }

    /**
     * A member's points needing a look.
     *
     * @param kind {@code OFFLINE_OVER_ALLOWANCE} (points redeemed offline that day, against the allowance)
     *             or {@code NEGATIVE_BALANCE} (the balance now)
     */
    public record PointsException(String member, String kind, long points, long limit) {
    }
}
