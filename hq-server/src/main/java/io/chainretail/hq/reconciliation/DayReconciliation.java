package io.chainretail.hq.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * One store's business day as HQ sees it: each Z report against the receipts HQ holds for it, lanes
 * still open, and holes in the store's journal.
 *
 * @param journalGaps journal positions HQ never received from this store (at most 1,000 listed)
 * @param unclosed    lanes with receipts that day not yet covered by a Z report HQ holds
 * @param ok          no gap, no mismatch, everything closed
 */
public record DayReconciliation(String store, LocalDate day, int sales, int returns, long salesMinor,
        long returnsMinor, List<ShiftCheck> shifts, List<String> unclosed, List<Long> journalGaps, boolean ok) {

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
}
