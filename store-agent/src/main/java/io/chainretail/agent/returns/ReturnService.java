package io.chainretail.agent.returns;

import io.chainretail.agent.checkout.CodeReader;
import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.agent.lane.LaneBooks;
import io.chainretail.agent.points.PointsLedger;
import io.chainretail.agent.receipt.ReceiptDocuments;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.shift.Shift;
import io.chainretail.agent.shift.ShiftService;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.agent.till.TillSessions.Session;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.money.Money;
import io.chainretail.core.pricing.BasketAssembly;
import io.chainretail.core.pricing.BasketItem;
import io.chainretail.core.pricing.Rounding;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.ReturnCompleted.ReturnLine;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.tender.TenderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives money back: returns with a receipt (chosen lines, at the price paid, never more than was
 * bought), returns without a receipt (current price, manager approval) and voids of a whole sale of the
 * current shift (manager approval). Each is a receipt of its own, journaled in one transaction.
 */
@ApplicationScoped
public class ReturnService {

    private static final Set<TenderType> REFUND_TENDERS = EnumSet.of(TenderType.CASH, TenderType.CARD,
            TenderType.VOUCHER);

    /** A line to give back: by the sale's line number with a receipt, by code without. */
    public record Request(Integer lineNo, String code, long quantity, Long weightGrams) {
    }

    private final LaneBooks books;
    private final ShiftService shifts;
    private final TillSessions sessions;
    private final Catalog catalog;
    private final CodeReader codes;
    private final Journal journal;
    private final StockLedger stock;
    private final PointsLedger points;
    private final SyncCodec codec = new SyncCodec();

    public ReturnService(LaneBooks books, ShiftService shifts, TillSessions sessions, Catalog catalog,
            CodeReader codes, Journal journal, StockLedger stock, PointsLedger points) {
        this.books = books;
        this.shifts = shifts;
        this.sessions = sessions;
        this.catalog = catalog;
        this.codes = codes;
        this.journal = journal;
        this.stock = stock;
        this.points = points;
    }

    /**
     * Returns lines of a sale of this store at what each unit was paid; the refund goes to {@code tender}, or when
     * {@code null} as the sale was paid: back to its online payment for an online order's sale, else in cash.
     * An online order's sale is refunded online only, and only such a sale is: the order centre gives the money
     * back to the customer's online payment (the refund names the order as the sale's payment did).
     */
    @Transactional
    public RefundView withReceipt(Session session, String saleId, List<Request> requests, TenderType tender) {
        CompletedSale original = originalSale(saleId);
        SaleCompleted sale = read(original.payload, SaleCompleted.class);
        SaleCompleted.Tender paidOnline = sale.tenders().stream().filter(t -> TenderType.ONLINE.named(t.type()))
                .findFirst().orElse(null);
        TenderType refundTo = refundTo(sale, paidOnline, tender);
        SoFar soFar = returnedSoFar(saleId);
        Map<Integer, long[]> returned = soFar.lines();
        List<ReturnLine> lines = new ArrayList<>();
        for (Request request : requests) {
            SaleCompleted.SaleLine sold = sale.lines().stream().filter(l -> request.lineNo() != null
                    && l.lineNo() == request.lineNo()).findFirst().orElseThrow(() -> Refusal.of(
                            ErrorCode.NO_SUCH_LINE, "Receipt " + sale.receiptNo() + " has no line " + request.lineNo()
                                    + "."));
            long[] already = returned.computeIfAbsent(sold.lineNo(), n -> new long[3]);
            long left = sold.quantity() - already[0];
            if (request.quantity() < 1 || request.quantity() > left) {
                throw Refusal.of(ErrorCode.RETURN_TOO_MANY, "Line " + sold.lineNo() + " (" + sold.name() + ") sold "
                        + sold.quantity() + ", " + already[0] + " already returned: at most " + left
                        + " can be returned.");
            }
            // The last units back take what is left of the line, so the refunds add up to what was paid.
            boolean rest = request.quantity() == left;
            long refund = rest ? sold.payableMinor() - already[1]
                    : Rounding.share(sold.payableMinor(), request.quantity(), sold.quantity());
            long tax = rest ? sold.taxMinor() - already[2] : Rounding.share(sold.taxMinor(), request.quantity(),
                    sold.quantity());
            already[0] += request.quantity();
            already[1] += refund;
            already[2] += tax;
            lines.add(new ReturnLine(sold.lineNo(), sold.sku(), sold.name(), request.quantity(), sold.weightGrams(),
                    refund, sold.taxClass(), tax));
        }
        long refund = lines.stream().mapToLong(ReturnLine::refundMinor).sum();
        boolean allBack = sale.lines().stream().allMatch(l -> returned.containsKey(l.lineNo())
                && returned.get(l.lineNo())[0] == l.quantity());
        PointsBack back = pointsBack(sale, refund, allBack, soFar);
        List<SaleCompleted.Tender> tenders = new ArrayList<>();
        if (back.restoredMinor() > 0) {
            tenders.add(new SaleCompleted.Tender(TenderType.POINTS.name(), back.restoredMinor()));
        }
        if (refund - back.restoredMinor() > 0) {
            tenders.add(new SaleCompleted.Tender(refundTo.name(), refund - back.restoredMinor(),
                    paidOnline == null ? null : paidOnline.reference()));
        }
        return book(session, "RETURN", null, original.saleId, sale.member(), sale.currency(), lines, tenders, null,
                back.reversed(), points.pointsFor(back.restoredMinor()));
    }

    /**
     * Where the money of a return with receipt goes: to {@code chosen}, or as the sale was paid; an online
     * order's sale paid online ({@code paidOnline}) back online only, a card only for a sale paid by card.
     */
    private static TenderType refundTo(SaleCompleted sale, SaleCompleted.Tender paidOnline, TenderType chosen) {
        if (paidOnline != null) {
            if (chosen != null && chosen != TenderType.ONLINE) {
                throw Refusal.of(ErrorCode.REFUND_TENDER, "Receipt " + sale.receiptNo() + " was paid online ("
                        + paidOnline.reference() + "): its refund goes back online, not to " + chosen.name() + ".");
            }
            return TenderType.ONLINE;
        }
        TenderType tender = chosen == null ? TenderType.CASH : chosen;
        requireTender(tender);
        if (tender == TenderType.CARD && sale.tenders().stream().noneMatch(t -> TenderType.CARD.named(t.type()))) {
            throw Refusal.of(ErrorCode.REFUND_TENDER, "Only a sale paid by card can be refunded to a card.");
        }
        return tender;
    }

    /** Returns items without a receipt at today's regular price, approved by a manager. */
    @Transactional
    public RefundView withoutReceipt(Session session, List<Request> requests, TenderType tender, String approver,
            String pin, String reason) {
        requireTender(tender);
        String manager = sessions.approve(approver, pin, "A return without receipt", session.lane());
        Catalog.StoreInfo store = catalog.store();
        Instant now = Instant.now();
        List<ReturnLine> lines = new ArrayList<>();
        for (Request request : requests) {
            if (request.quantity() < 1 || request.quantity() > 999) {
                throw Refusal.of(ErrorCode.INVALID_QUANTITY, "Quantity must be between 1 and 999.");
            }
            CodeReader.Read read = codes.read(request.code(), request.weightGrams());
            Catalog.Item item = catalog.item(read.sku(), null).orElseThrow(() -> Refusal.of(ErrorCode.NOT_ON_SALE,
                    "The product of " + read.code() + " is not sold in this store."));
            if (read.measured() && request.quantity() != 1) {
                throw Refusal.of(ErrorCode.INVALID_QUANTITY, "A weighed item is one line per label or weighing.");
            }
            // Today's regular price, as the till would ring it up: the label's, or by weight, or per unit.
            long amount = BasketAssembly.line(new BasketItem(1, item.sku(), (int) request.quantity(),
                    read.labelPriceMinor(), read.weightGrams()), item.pricing(), store.code(), now).regularMinor();
            lines.add(new ReturnLine(null, item.sku(), item.name(), request.quantity(), read.weightGrams(),
                    item.tax().payable(amount), item.tax().code(), item.tax().on(amount)));
        }
        long refund = lines.stream().mapToLong(ReturnLine::refundMinor).sum();
        return book(session, "RETURN", manager, null, null, store.currency(), lines,
                List.of(new SaleCompleted.Tender(tender.name(), refund)), reason, 0, 0);
    }

    /**
     * Voids a whole sale of the lane's current shift, approved by a manager: every line back at the price
     * paid, each tender back as it was taken (cash net of change).
     */
    @Transactional
    public RefundView voidSale(Session session, String saleId, String approver, String pin, String reason) {
        String manager = sessions.approve(approver, pin, "Voiding a completed sale", session.lane());
        CompletedSale original = originalSale(saleId);
        books.lock(session.lane());
        Shift shift = shifts.requireOpen(session.lane());
        if (!shift.shiftId.equals(original.shiftId)) {
            throw Refusal.of(ErrorCode.VOID_OTHER_SHIFT, "Only a sale of this lane's current shift can be voided; "
                    + "return its items instead.");
        }
        if (!returnedSoFar(saleId).lines().isEmpty()) {
            throw Refusal.of(ErrorCode.ALREADY_RETURNED, "Items of this sale were already returned; return the rest "
                    + "instead.");
        }
        SaleCompleted sale = read(original.payload, SaleCompleted.class);
        List<ReturnLine> lines = sale.lines().stream().map(l -> new ReturnLine(l.lineNo(), l.sku(), l.name(),
                l.quantity(), l.weightGrams(), l.payableMinor(), l.taxClass(), l.taxMinor())).toList();
        List<SaleCompleted.Tender> back = new ArrayList<>();
        for (SaleCompleted.Tender tender : sale.tenders()) {
            long amount = TenderType.CASH.named(tender.type()) ? tender.amountMinor() - sale.changeMinor()
                    : tender.amountMinor();
            if (amount > 0) {
                back.add(new SaleCompleted.Tender(tender.type(), amount, tender.reference()));
            }
        }
        return book(session, "VOID", manager, saleId, sale.member(), sale.currency(), lines, back, reason,
                sale.pointsEarned(), sale.pointsRedeemed());
    }

    private static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }

    private RefundView book(Session session, String kind, String approver, String originalSaleId, String member,
            String currency, List<ReturnLine> lines, List<SaleCompleted.Tender> tenders, String reason,
            long pointsReversed, long pointsRestored) {
        if (lines.isEmpty()) {
            throw Refusal.of(ErrorCode.NOTHING_TO_RETURN, "Choose at least one line to give back.");
        }
        Shift shift = shifts.requireOpen(session.lane());
        long cashOut = tenders.stream().filter(t -> TenderType.CASH.named(t.type()))
                .mapToLong(SaleCompleted.Tender::amountMinor).sum();
        long inDrawer = shifts.cashInDrawer(shift);
        if (cashOut > inDrawer) {
            throw Refusal.of(ErrorCode.CASH_SHORT, "The drawer should hold only " + money(inDrawer, currency)
                    + ", less than the " + money(cashOut, currency) + " to refund: refund to a card or a voucher.");
        }
        long receiptNo = books.nextReceipt(session.lane());
        Instant now = Instant.now();
        ReturnCompleted refund = new ReturnCompleted(EventIds.next().toString(), kind, session.lane(), receiptNo,
                session.cashier(), approver, now, currency, originalSaleId, member, lines,
                lines.stream().mapToLong(ReturnLine::taxMinor).sum(),
                lines.stream().mapToLong(ReturnLine::refundMinor).sum(), tenders, reason, pointsReversed,
                pointsRestored);
        CompletedSale receipt = new CompletedSale();
        receipt.saleId = refund.returnId();
        receipt.kind = kind;
        receipt.lane = session.lane();
        receipt.receiptNo = receiptNo;
        receipt.cashier = session.cashier();
        receipt.totalMinor = -refund.totalMinor();
        receipt.changeMinor = 0;
        receipt.currency = currency;
        receipt.completedAt = now;
        receipt.shiftId = shift.shiftId;
        receipt.originalSaleId = originalSaleId;
        receipt.receiptText = ReceiptDocuments.preview(ReceiptDocuments.refund(catalog.store().code(),
                catalog.store().zone(), refund));
        receipt.payload = codec.payloadJson(refund);
        receipt.persist();
        stock.moveAll(lines.stream().map(line -> new StockLedger.Move(line.sku(), line.quantity(), line.weightGrams()))
                .toList(), kind, refund.returnId());
        JournalEntry journaled = journal.append("return", MessageSchema.RETURN, refund, receipt.payload, now);
        if (member != null) {
            points.recordGivenBack(member, refund.returnId(), journaled.eventId, pointsReversed, pointsRestored);
        }
        return RefundView.of(refund, receipt.receiptText);
    }

    /**
     * The sale being returned, locked until this transaction ends: two lanes returning from the same
     * receipt at once must not both see the same units still returnable.
     */
    private static CompletedSale originalSale(String saleId) {
        CompletedSale original = saleId == null ? null
                : CompletedSale.findById(saleId, LockModeType.PESSIMISTIC_WRITE);
        if (original == null || !"SALE".equals(original.kind)) {
            throw Refusal.of(ErrorCode.NO_SUCH_SALE, "No sale " + saleId + " in this store's books. A receipt from "
                    + "another store can only be returned there.");
        }
        return original;
    }

    /**
     * What earlier returns of a sale gave back: per line units, refund and tax; points reversed; and
     * the part of the refunds paid back in points.
     */
    private record SoFar(Map<Integer, long[]> lines, long pointsReversed, long pointsTenderMinor) {
    }

    private SoFar returnedSoFar(String saleId) {
        Map<Integer, long[]> returned = new HashMap<>();
        long reversed = 0;
        long inPoints = 0;
        for (CompletedSale receipt : CompletedSale.<CompletedSale>list("originalSaleId", saleId)) {
            ReturnCompleted refund = read(receipt.payload, ReturnCompleted.class);
            for (ReturnLine line : refund.lines()) {
                long[] sum = returned.computeIfAbsent(line.originalLineNo(), n -> new long[3]);
                sum[0] += line.quantity();
                sum[1] += line.refundMinor();
                sum[2] += line.taxMinor();
            }
            reversed += refund.pointsReversed();
            inPoints += pointsTendered(refund.tenders());
        }
        return new SoFar(returned, reversed, inPoints);
    }

    private static long pointsTendered(List<SaleCompleted.Tender> tenders) {
        return tenders.stream().filter(t -> TenderType.POINTS.named(t.type()))
                .mapToLong(SaleCompleted.Tender::amountMinor).sum();
    }

    /** The points a return of {@code refundMinor} of {@code sale} takes back and gives back. */
    private record PointsBack(long reversed, long restoredMinor) {
    }

    /**
     * Earned points go back in proportion to the refund, and so does the part of the sale paid in points
     * (as a {@code POINTS} refund, never as cash); the return that completes the sale takes what is left.
     */
    private PointsBack pointsBack(SaleCompleted sale, long refundMinor, boolean allBack, SoFar soFar) {
        long paidInPoints = pointsTendered(sale.tenders());
        long total = sale.totalMinor();
        long part = Math.min(refundMinor, total);
        long earnedLeft = sale.pointsEarned() - soFar.pointsReversed();
        long paidLeft = paidInPoints - soFar.pointsTenderMinor();
        boolean last = allBack || total == 0;
        long reversed = last ? earnedLeft : Math.min(earnedLeft, Rounding.share(sale.pointsEarned(), part, total));
        long restored = last ? paidLeft : Math.min(paidLeft, Rounding.share(paidInPoints, part, total));
        return new PointsBack(Math.max(0, reversed), points.wholePoints(Math.max(0, restored)));
    }

    private static void requireTender(TenderType tender) {
        if (!REFUND_TENDERS.contains(tender)) {
            throw Refusal.of(ErrorCode.REFUND_TENDER,
                    "Refund to CASH, CARD or VOUCHER (to ONLINE: only a sale paid online).");
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return codec.readPayload(json, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("a receipt in the store's books is unreadable", e);
        }
    }
}
