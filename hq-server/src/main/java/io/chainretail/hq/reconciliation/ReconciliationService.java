package io.chainretail.hq.reconciliation;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.tender.TenderTally;
import io.chainretail.hq.members.Member;
import io.chainretail.hq.quarantine.QuarantinedEvent;
import io.chainretail.hq.reconciliation.DayReconciliation.PointsException;
import io.chainretail.hq.reconciliation.DayReconciliation.ShiftCheck;
import io.chainretail.hq.reconciliation.DayReconciliation.TenderCheck;
import io.chainretail.hq.sales.Refund;
import io.chainretail.hq.sales.Sale;
import io.chainretail.hq.sales.ShiftReport;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles a store's business day (in the store's time zone) from what HQ received: each Z report's
 * receipt range against the receipts HQ holds (gaps named), its tender totals recomputed from those
 * receipts, lanes not yet closed, gaps in the store's journal positions, and sale lines priced with
 * older data than HQ had at the time.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final int MAX_LISTED = 1_000;

    private final EntityManager entities;
    private final StalePriceFinder stalePrices;
    private final SyncCodec codec = new SyncCodec();

    public ReconciliationService(EntityManager entities, StalePriceFinder stalePrices) {
        this.entities = entities;
        this.stalePrices = stalePrices;
    }

    @Transactional
    public DayReconciliation day(String storeCode, LocalDate day) {
        Store store = Store.findById(storeCode);
        if (store == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_STORE, "No store " + storeCode + ".");
        }
        ZoneId zone = ZoneId.of(store.timezone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Sale> sales = Sale.list("storeCode = ?1 and completedAt >= ?2 and completedAt < ?3", storeCode, from, to);
        List<Refund> refunds = Refund.list("storeCode = ?1 and completedAt >= ?2 and completedAt < ?3", storeCode,
                from, to);
        List<ShiftReport> reports = ShiftReport.list("storeCode = ?1 and closedAt >= ?2 and closedAt < ?3 "
                + "order by lane, zNo", storeCode, from, to);

        List<ShiftCheck> shifts = new ArrayList<>();
        Map<String, Set<Long>> covered = new TreeMap<>();
        for (ShiftReport report : reports) {
            ShiftClosed z = read(report.payload, ShiftClosed.class);
            shifts.add(check(storeCode, z));
            if (z.firstReceiptNo() > 0) {
                Set<Long> lane = covered.computeIfAbsent(z.lane(), l -> new TreeSet<>());
                for (long n = z.firstReceiptNo(); n <= z.lastReceiptNo(); n++) {
                    lane.add(n);
                }
            }
        }
        Set<String> unclosed = new TreeSet<>();
        sales.stream().filter(s -> !covered.getOrDefault(s.lane, Set.of()).contains(s.receiptNo))
                .forEach(s -> unclosed.add(s.lane));
        refunds.stream().filter(r -> !covered.getOrDefault(r.lane, Set.of()).contains(r.receiptNo))
                .forEach(r -> unclosed.add(r.lane));
        List<Long> journalGaps = journalGaps(storeCode);
        List<Long> quarantined = entities.createQuery("select q.position from QuarantinedEvent q where q.storeCode = ?1"
                + " and q.state = ?2 and q.occurredAt >= ?3 and q.occurredAt < ?4 order by q.position", Long.class)
                .setParameter(1, storeCode).setParameter(2, QuarantinedEvent.State.OPEN).setParameter(3, from)
                .setParameter(4, to).setMaxResults(MAX_LISTED).getResultList();
        boolean ok = unclosed.isEmpty() && journalGaps.isEmpty() && quarantined.isEmpty()
                && shifts.stream().allMatch(ShiftCheck::ok);
        return new DayReconciliation(storeCode, day, sales.size(), refunds.size(),
                sales.stream().mapToLong(s -> s.totalMinor).sum(), refunds.stream().mapToLong(r -> r.totalMinor).sum(),
                shifts, List.copyOf(unclosed), journalGaps, quarantined, stalePrices.find(sales, store.region),
                pointsExceptions(sales), ok);
    }

    /** Recomputes a Z report's tenders from the receipts HQ holds in its range with the till's own tally. */
    private ShiftCheck check(String storeCode, ShiftClosed z) {
        List<Long> missing = new ArrayList<>();
        TenderTally tally = new TenderTally();
        if (z.firstReceiptNo() > 0) {
            Set<Long> seen = new TreeSet<>();
            for (Sale sale : Sale.<Sale>list("storeCode = ?1 and lane = ?2 and receiptNo >= ?3 and receiptNo <= ?4",
                    storeCode, z.lane(), z.firstReceiptNo(), z.lastReceiptNo())) {
                seen.add(sale.receiptNo);
                tally.sale(read(sale.payload, SaleCompleted.class));
            }
            for (Refund refund : Refund.<Refund>list("storeCode = ?1 and lane = ?2 and receiptNo >= ?3 "
                    + "and receiptNo <= ?4", storeCode, z.lane(), z.firstReceiptNo(), z.lastReceiptNo())) {
                seen.add(refund.receiptNo);
                tally.refund(read(refund.payload, ReturnCompleted.class));
            }
            for (long n = z.firstReceiptNo(); n <= z.lastReceiptNo() && missing.size() < MAX_LISTED; n++) {
                if (!seen.contains(n)) {
                    missing.add(n);
                }
            }
        }
        Map<String, ShiftClosed.TenderTotal> received = new TreeMap<>();
        tally.totals().forEach(total -> received.put(total.type(), total));
        Map<String, TenderCheck> tenders = new TreeMap<>();
        for (ShiftClosed.TenderTotal reported : z.tenders()) {
            ShiftClosed.TenderTotal got = received.getOrDefault(reported.type(),
                    new ShiftClosed.TenderTotal(reported.type(), 0, 0));
            tenders.put(reported.type(), new TenderCheck(reported.type(), reported.inMinor(), reported.outMinor(),
                    got.inMinor(), got.outMinor(), got.equals(reported)));
        }
        received.forEach((type, got) -> tenders.computeIfAbsent(type, t -> new TenderCheck(t, 0, 0, got.inMinor(),
                got.outMinor(), got.inMinor() == 0 && got.outMinor() == 0)));
        List<TenderCheck> checks = List.copyOf(tenders.values());
        boolean ok = missing.isEmpty() && checks.stream().allMatch(TenderCheck::ok);
        return new ShiftCheck(z.lane(), z.zNo(), z.shiftId(), z.firstReceiptNo(), z.lastReceiptNo(), missing, checks,
                z.expectedCashMinor(), z.countedCashMinor(), z.varianceMinor(), ok);
    }

    /** Offline redemptions past a member's allowance that day, and members of the day's sales now below zero. */
    private List<PointsException> pointsExceptions(List<Sale> sales) {
        Map<String, Long> offlineRedeemed = new TreeMap<>();
        Set<String> members = new TreeSet<>();
        for (Sale sale : sales) {
            SaleCompleted payload = read(sale.payload, SaleCompleted.class);
            if (payload.member() == null) {
                continue;
            }
            members.add(payload.member());
            if (payload.offline() && payload.pointsRedeemed() > 0) {
                offlineRedeemed.merge(payload.member(), payload.pointsRedeemed(), Long::sum);
            }
        }
        List<PointsException> exceptions = new ArrayList<>();
        for (String card : members) {
            Member member = Member.findById(card);
            if (member == null) {
                continue;
            }
            long redeemed = offlineRedeemed.getOrDefault(card, 0L);
            if (redeemed > member.offlineRedeemLimit) {
                exceptions.add(new PointsException(card, "OFFLINE_OVER_ALLOWANCE", redeemed,
                        member.offlineRedeemLimit));
            }
            if (member.pointsBalance < 0) {
                exceptions.add(new PointsException(card, "NEGATIVE_BALANCE", member.pointsBalance, 0));
            }
        }
        return exceptions;
    }

    /**
     * Journal positions 1..highest this store sent that HQ has not received: neither stored nor held in the
     * quarantine (a held event was received; it is listed as such).
     */
    private List<Long> journalGaps(String storeCode) {
        Set<Long> held = new java.util.HashSet<>(entities.createQuery("select q.position from QuarantinedEvent q"
                + " where q.storeCode = ?1", Long.class).setParameter(1, storeCode).getResultList());
        // Ordered by the store too, though the WHERE fixes it: H2 reads rows in an index's order only when the
        // ORDER BY starts with the index's first column (here store_event_store_position).
        List<Long> positions = entities.createQuery("select e.position from StoreEvent e where e.storeCode = ?1 "
                + "order by e.storeCode, e.position", Long.class).setParameter(1, storeCode).getResultList();
        List<Long> gaps = new ArrayList<>();
        long expected = 1;
        for (long position : positions) {
            for (long n = expected; n < position && gaps.size() < MAX_LISTED; n++) {
                if (!held.contains(n)) {
                    gaps.add(n);
                }
            }
            expected = Math.max(expected, position + 1);
        }
        return gaps;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return codec.readPayload(json, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("a stored store event is unreadable", e);
        }
    }
}
