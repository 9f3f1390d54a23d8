package io.chainretail.agent.shift;

import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.tender.TenderTally;
import io.chainretail.core.sync.payload.ShiftClosed.TenderTotal;
import java.util.List;

/**
 * What a shift took and paid out, from its receipts: the figures of the X report, and of the Z report
 * before the count.
 *
 * @param expectedCashMinor float + cash taken (net of change) - cash refunded
 */
public record ShiftTotals(String shiftId, String lane, String currency, long floatMinor, long firstReceiptNo,
        long lastReceiptNo, int sales, int returns, long salesMinor, long returnsMinor, List<TenderTotal> tenders,
        int noSales, long expectedCashMinor) {

    private static final SyncCodec CODEC = new SyncCodec();

    static ShiftTotals of(Shift shift, List<CompletedSale> receipts) {
        TenderTally tally = new TenderTally();
        int sales = 0;
        int returns = 0;
        long salesMinor = 0;
        long returnsMinor = 0;
        long first = 0;
        long last = 0;
        for (CompletedSale receipt : receipts) {
            first = first == 0 ? receipt.receiptNo : Math.min(first, receipt.receiptNo);
            last = Math.max(last, receipt.receiptNo);
            if ("SALE".equals(receipt.kind)) {
                SaleCompleted sale = read(receipt, SaleCompleted.class);
                sales++;
                salesMinor += sale.totalMinor();
                tally.sale(sale);
            } else {
                ReturnCompleted refund = read(receipt, ReturnCompleted.class);
                returns++;
                returnsMinor += refund.totalMinor();
                tally.refund(refund);
            }
        }
        return new ShiftTotals(shift.shiftId, shift.lane, shift.currency, shift.floatMinor, first, last, sales,
                returns, salesMinor, returnsMinor, tally.totals(), shift.noSales,
                shift.floatMinor + tally.cashNetMinor());
    }

    private static <T> T read(CompletedSale receipt, Class<T> type) {
        try {
            return CODEC.readPayload(receipt.payload, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("receipt " + receipt.saleId + " in the store's books is unreadable", e);
        }
    }
}
