package io.chainretail.agent.shift;

import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.agent.lane.LaneBooks;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.agent.till.TillSessions.Session;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.ShiftClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * A lane's shifts: open with the float counted into the drawer, X report at any time, close with the
 * cash counted by denomination (the Z report, journaled for HQ), and no-sale drawer openings.
 */
@ApplicationScoped
public class ShiftService {

    /** Largest float or denomination count accepted; more is a keying mistake. */
    private static final long MAX_FLOAT_MINOR = 100_000_000;

    private final LaneBooks books;
    private final Catalog catalog;
    private final Journal journal;
    private final TillSessions sessions;
    private final SyncCodec codec = new SyncCodec();

    public ShiftService(LaneBooks books, Catalog catalog, Journal journal, TillSessions sessions) {
        this.books = books;
        this.catalog = catalog;
        this.journal = journal;
        this.sessions = sessions;
    }

    @Transactional
    public ShiftTotals open(Session session, long floatMinor) {
        if (floatMinor < 0 || floatMinor > MAX_FLOAT_MINOR) {
            throw Refusal.of(ErrorCode.INVALID_FLOAT, "The float must be between 0 and " + MAX_FLOAT_MINOR
                    + " minor units.");
        }
        books.lock(session.lane());
        if (Shift.openAt(session.lane()).isPresent()) {
            throw Refusal.of(ErrorCode.SHIFT_ALREADY_OPEN, "Lane " + session.lane() + " already has an open shift.");
        }
        String currency = catalog.store().currency();
        if (currency == null) {
            throw Refusal.of(ErrorCode.STORE_NOT_SYNCED, "This store has not received its details from HQ yet.");
        }
        Shift shift = new Shift();
        shift.shiftId = EventIds.next().toString();
        shift.lane = session.lane();
        shift.openedBy = session.cashier();
        shift.openedAt = Instant.now();
        shift.floatMinor = floatMinor;
        shift.currency = currency;
        shift.persist();
        return ShiftTotals.of(shift, List.of());
    }

    /** The lane's open shift, which selling and refunding need. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Shift requireOpen(String lane) {
        return Shift.openAt(lane).orElseThrow(() -> Refusal.of(ErrorCode.NO_SHIFT,
                "Open lane " + lane + "'s shift first: count the float into the drawer."));
    }

    /** The cash the drawer of this open shift should hold now: float, plus cash taken, less what went out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long cashInDrawer(Shift shift) {
        return totals(shift).expectedCashMinor();
    }

    /** The X report: the open shift so far. */
    @Transactional
    public ShiftTotals current(Session session) {
        return totals(requireOpen(session.lane()));
    }

    /** Closes the shift with the cash counted: the Z report, journaled in the same transaction. */
    @Transactional
    public ShiftClosed close(Session session, List<ShiftClosed.Denomination> counted) {
        books.lock(session.lane());
        Shift shift = requireOpen(session.lane());
        ShiftTotals totals = totals(shift);
        long countedMinor = 0;
        for (ShiftClosed.Denomination denomination : counted) {
            if (denomination.count() > 100_000) {
                throw Refusal.of(ErrorCode.INVALID_COUNT, "A count of " + denomination.count() + " is not plausible.");
            }
            countedMinor = Math.addExact(countedMinor, Math.multiplyExact(denomination.valueMinor(),
                    denomination.count()));
        }
        Instant now = Instant.now();
        ShiftClosed report = new ShiftClosed(shift.shiftId, shift.lane, books.nextZ(shift.lane), shift.openedBy,
                session.cashier(), shift.openedAt, now, shift.currency, shift.floatMinor, totals.firstReceiptNo(),
                totals.lastReceiptNo(), totals.sales(), totals.returns(), totals.salesMinor(), totals.returnsMinor(),
                totals.tenders(), totals.noSales(), totals.expectedCashMinor(), counted, countedMinor,
                countedMinor - totals.expectedCashMinor());
        shift.closedAt = now;
        shift.closedBy = session.cashier();
        shift.zNo = report.zNo();
        shift.report = codec.payloadJson(report);
        journal.append("shift", MessageSchema.SHIFT_CLOSED, report, now);
        return report;
    }

    /** Opens the drawer without a sale, with a manager's approval; counted on the Z report. */
    @Transactional
    public DrawerOpened noSale(Session session, String approver, String pin, String reason) {
        String manager = sessions.approve(approver, pin, "Opening the drawer without a sale", session.lane());
        Shift shift = requireOpen(session.lane());
        shift.noSales++;
        DrawerOpened event = new DrawerOpened(session.lane(), shift.shiftId, session.cashier(), manager,
                Instant.now(), reason);
        journal.append("no-sale", MessageSchema.NO_SALE, event, event.openedAt());
        return event;
    }

    private static ShiftTotals totals(Shift shift) {
        return ShiftTotals.of(shift, CompletedSale.list("shiftId = ?1 order by receiptNo", shift.shiftId));
    }
}
