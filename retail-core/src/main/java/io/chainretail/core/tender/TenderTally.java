package io.chainretail.core.tender;

import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed.TenderTotal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tenders taken in and paid out over a run of receipts, counted one way wherever they are counted: by the
 * till for its X and Z reports, and by HQ when it checks a Z report against the receipts it holds. A sale's
 * tenders are taken in and its change is given out of the cash taken (cash in is net of change); a refund's
 * tenders are paid out.
 */
public final class TenderTally {

    private final Map<String, long[]> byType = new TreeMap<>();

    public void sale(SaleCompleted sale) {
        sale.tenders().forEach(tender -> in(tender.type(), tender.amountMinor()));
        in(TenderType.CASH.name(), -sale.changeMinor());
    }

    public void refund(ReturnCompleted refund) {
        refund.tenders().forEach(tender -> amounts(tender.type())[1] += tender.amountMinor());
    }

    /** Each tender type counted, by type: what came in, what went out. */
    public List<TenderTotal> totals() {
        List<TenderTotal> totals = new ArrayList<>();
        byType.forEach((type, inOut) -> totals.add(new TenderTotal(type, inOut[0], inOut[1])));
        return totals;
    }

    /** Cash taken in net of change, less cash paid out: what the drawer holds beyond its float. */
    public long cashNetMinor() {
        long[] cash = byType.getOrDefault(TenderType.CASH.name(), new long[2]);
        return cash[0] - cash[1];
    }

    private void in(String type, long amountMinor) {
        amounts(type)[0] += amountMinor;
    }

    private long[] amounts(String type) {
        return byType.computeIfAbsent(type, t -> new long[2]);
    }
}
