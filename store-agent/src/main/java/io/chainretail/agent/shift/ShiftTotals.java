package io.chainretail.agent.shift;

import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed.TenderTotal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, long[]> byTender = new TreeMap<>();
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
                sale.tenders().forEach(t -> byTender.computeIfAbsent(t.type(), k -> new long[2])[0] += t.amountMinor());
                byTender.computeIfAbsent("CASH", k -> new long[2])[0] -= sale.changeMinor();
            } else {
                ReturnCompleted refund = read(receipt, ReturnCompleted.class);
                returns++;
                returnsMinor += refund.totalMinor();
                refund.tenders().forEach(t -> byTender.computeIfAbsent(t.type(), k -> new long[2])[1]
                        += t.amountMinor());
            }
        }
        List<TenderTotal> tenders = new ArrayList<>();
        byTender.forEach((type, inOut) -> tenders.add(new TenderTotal(type, inOut[0], inOut[1])));
        long[] cash = byTender.getOrDefault("CASH", new long[2]);
        return new ShiftTotals(shift.shiftId, shift.lane, shift.currency, shift.floatMinor, first, last, sales,
                returns, salesMinor, returnsMinor, tenders, shift.noSales, shift.floatMinor + cash[0] - cash[1]);
    }

    private static <T> T read(CompletedSale receipt, Class<T> type) {
        try {
            return CODEC.readPayload(receipt.payload, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("receipt " + receipt.saleId + " in the store's books is unreadable", e);
        }
    }
}
