package io.chainretail.agent.shift;

import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.ShiftClosed.TenderTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store manager's view of a business day: every lane's shift opened that day (in the store's time
 * zone) or still open, with its X figures while open and its Z report once closed, and the day's totals.
 */
@ApplicationScoped
public class ShiftReports {

    /** One shift: what it took, and for a closed one what was counted against what was expected. */
    public record ShiftReport(String shiftId, String lane, boolean open, String openedBy, Instant openedAt,
            String closedBy, Instant closedAt, Long zNo, String currency, long floatMinor, int sales, int returns,
            long salesMinor, long returnsMinor, List<TenderTotal> tenders, int noSales, long expectedCashMinor,
            Long countedCashMinor, Long varianceMinor) {
    }

    /** A day of the store: its shifts, oldest first, and their sums. */
    public record DayReport(LocalDate day, String zone, List<ShiftReport> shifts, int sales, int returns,
            long salesMinor, long returnsMinor, List<TenderTotal> tenders, long varianceMinor, int openShifts) {
    }

    private final Catalog catalog;
    private final SyncCodec codec = new SyncCodec();

    public ShiftReports(Catalog catalog) {
        this.catalog = catalog;
    }

    @Transactional
    public DayReport day(LocalDate day) {
        ZoneId zone = catalog.store().zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Shift> shifts = Shift.list("(openedAt >= ?1 and openedAt < ?2) or closedAt is null order by openedAt",
                from, to);
        List<ShiftReport> reports = shifts.stream().map(this::report).toList();
        Map<String, long[]> tenders = new TreeMap<>();
        int sales = 0;
        int returns = 0;
        long salesMinor = 0;
        long returnsMinor = 0;
        long variance = 0;
        int open = 0;
        for (ShiftReport report : reports) {
            sales += report.sales();
            returns += report.returns();
            salesMinor += report.salesMinor();
            returnsMinor += report.returnsMinor();
            variance += report.varianceMinor() == null ? 0 : report.varianceMinor();
            open += report.open() ? 1 : 0;
            for (TenderTotal tender : report.tenders()) {
                long[] sum = tenders.computeIfAbsent(tender.type(), type -> new long[2]);
                sum[0] += tender.inMinor();
                sum[1] += tender.outMinor();
            }
        }
        List<TenderTotal> byTender = new ArrayList<>();
        tenders.forEach((type, sum) -> byTender.add(new TenderTotal(type, sum[0], sum[1])));
        return new DayReport(day, zone.getId(), reports, sales, returns, salesMinor, returnsMinor, byTender,
                variance, open);
    }

    private ShiftReport report(Shift shift) {
        if (shift.closedAt == null) {
            ShiftTotals x = ShiftTotals.of(shift, CompletedSale.list("shiftId = ?1 order by receiptNo",
                    shift.shiftId));
            return new ShiftReport(shift.shiftId, shift.lane, true, shift.openedBy, shift.openedAt, null, null, null,
                    shift.currency, shift.floatMinor, x.sales(), x.returns(), x.salesMinor(), x.returnsMinor(),
                    x.tenders(), x.noSales(), x.expectedCashMinor(), null, null);
        }
        ShiftClosed z = z(shift);
        return new ShiftReport(shift.shiftId, shift.lane, false, shift.openedBy, shift.openedAt, z.closedBy(),
                z.closedAt(), z.zNo(), z.currency(), z.floatMinor(), z.sales(), z.returns(), z.salesMinor(),
                z.returnsMinor(), z.tenders(), z.noSales(), z.expectedCashMinor(), z.countedCashMinor(),
                z.varianceMinor());
    }

    private ShiftClosed z(Shift shift) {
        try {
            return codec.readPayload(shift.report, ShiftClosed.class);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("shift " + shift.shiftId + " has an unreadable Z report", e);
        }
    }
}
