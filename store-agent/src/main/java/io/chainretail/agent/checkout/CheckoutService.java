package io.chainretail.agent.checkout;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.lane.LaneBooks;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.agent.points.PointsLedger;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.shift.Shift;
import io.chainretail.agent.shift.ShiftService;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.till.TillSessions.Session;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricedLine;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.tender.TenderType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Rings up sales at the tills and completes them: the sale, its receipt number and its journal
 * event commit in one transaction, before any receipt is shown or printed. An open sale is priced
 * afresh by the engine after every change, so the till always shows what the customer will pay.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    /** Largest quantity one scan may add; more is almost always a keying mistake. */
    public static final int MAX_QUANTITY = 999;
    /** Longest coupon code accepted, as HQ's promotion codes. */
    private static final String COUPON_PATTERN = "[A-Za-z0-9_.-]{1,64}";

    private final Catalog catalog;
    private final CodeReader codes;
    private final SalePricer pricer;
    private final FeedApplier feeds;
    private final LaneBooks books;
    private final ShiftService shifts;
    private final DraftStore saved;
    private final SaleViews views;
    private final PointsLedger points;
    private final CompletedSales completedSales;
    private final StoreLink link;
    private final AgentConfig config;
    private final Event<SaleChanged> saleChanges;
    private final LaneScale scale;
    private final SyncCodec codec = new SyncCodec();
    private final Map<String, SaleDraft> drafts = new ConcurrentHashMap<>();

    public CheckoutService(Catalog catalog, CodeReader codes, SalePricer pricer, FeedApplier feeds,
            LaneBooks books, ShiftService shifts, DraftStore saved, SaleViews views, PointsLedger points,
            CompletedSales completedSales, StoreLink link, AgentConfig config, Event<SaleChanged> saleChanges,
            LaneScale scale) {
        this.catalog = catalog;
        this.codes = codes;
        this.pricer = pricer;
        this.feeds = feeds;
        this.books = books;
        this.shifts = shifts;
        this.saved = saved;
        this.views = views;
        this.points = points;
        this.completedSales = completedSales;
        this.link = link;
        this.config = config;
        this.saleChanges = saleChanges;
        this.scale = scale;
    }

    /** Baskets open or suspended when the agent stopped are back, priced afresh. */
    void onStart(@Observes StartupEvent event) {
        for (SaleDraft draft : saved.loadAll()) {
            drafts.put(draft.saleId, draft);
        }
        if (!drafts.isEmpty()) {
            LOG.infof("Restored %d open or suspended sales", drafts.size());
        }
    }

    public SaleView open(Session session) {
        // Checked again at completion, which is what counts; here it spares the cashier a wasted basket.
        QuarkusTransaction.requiringNew().run(() -> shifts.requireOpen(session.lane()));
        SaleDraft draft = new SaleDraft(EventIds.next().toString(), session.lane(), session.cashier());
        drafts.put(draft.saleId, draft);
        return changed(draft);
    }

    public SaleView get(Session session, String saleId) {
        SaleDraft draft = drafts.get(saleId);
        if (draft != null) {
            requireLane(session, draft);
            synchronized (draft) {
                return view(draft);
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> completed(saleId)).orElseThrow(() -> noSale(saleId));
    }

    /**
     * Adds {@code quantity} of what {@code code} stands for: a barcode, a scale label, or a PLU. An item sold by
     * weight takes {@code weightGrams} when keyed in, else the settled weight on the lane's scale.
     */
    public SaleView scan(Session session, String saleId, String code, long quantity, Long weightGrams) {
        SaleDraft draft = openDraft(session, saleId);
        requireQuantity(quantity);
        // The weight keyed in, else the lane scale's, read only when the item is sold by weight.
        Supplier<Long> weight = weightGrams != null ? () -> weightGrams : memoized(() ->
                scale.settledGrams(session.lane()).orElse(null));
        CodeReader.Read scanned = codes.read(code, weight);
        synchronized (draft) {
            Catalog.Item item = catalog.item(scanned.sku(), memberTier(draft)).orElseThrow(() -> Refusal.of(
                    ErrorCode.NOT_ON_SALE, "The product of " + scanned.code() + " is not on sale in this store."));
            // Keyed weights are 1 g or more (TillResource), the scale's are settled and above zero.
            CodeReader.Read read = item.weighed() && !scanned.measured() ? scanned.weighed(weight.get()) : scanned;
            boolean measured = read.measured();
            if (measured && quantity != 1) {
                throw Refusal.of(ErrorCode.INVALID_QUANTITY, "A weighed item is one line per label or weighing.");
            }
            if (draft.currency != null && !draft.currency.equals(item.currency())) {
                throw Refusal.of(ErrorCode.CURRENCY_MISMATCH, "This item is priced in " + item.currency()
                        + " but the sale is in " + draft.currency + ".");
            }
            SaleDraft.Line line = new SaleDraft.Line(draft.nextLineNo(), read.code(), item, quantity,
                    read.labelPriceMinor(), measured ? read.weightGrams() : null);
            // Price before adding, so an item that cannot be priced (or weighed item without weight) never enters.
            SalePricer.basketLine(line, catalog.store(), Instant.now());
            draft.lines.add(line);
            draft.currency = item.currency();
            return changed(draft);
        }
    }

    /** Voids an open sale's line: it stays visible, struck through, and is not sold. */
    public SaleView voidLine(Session session, String saleId, int lineNo) {
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            liveLine(draft, lineNo).voided = true;
            return changed(draft);
        }
    }

    /**
     * Sets how many of a line's item the customer takes (six bottles scanned once, then counted): priced again
     * with the rest of the sale. A weighed line is its weight and cannot be counted.
     */
    public SaleView changeQuantity(Session session, String saleId, int lineNo, long quantity) {
        SaleDraft draft = openDraft(session, saleId);
        requireQuantity(quantity);
        synchronized (draft) {
            SaleDraft.Line line = liveLine(draft, lineNo);
            if (line.weightGrams != null) {
                throw Refusal.of(ErrorCode.INVALID_QUANTITY, "A weighed item is one line per label or weighing.");
            }
            line.quantity = quantity;
            return changed(draft);
        }
    }

    private static SaleDraft.Line liveLine(SaleDraft draft, int lineNo) {
        SaleDraft.Line line = draft.line(lineNo);
        if (line == null) {
            throw Refusal.of(ErrorCode.NO_SUCH_LINE, "The sale has no line " + lineNo + ".");
        }
        if (line.voided) {
            throw Refusal.of(ErrorCode.ALREADY_VOIDED, "Line " + lineNo + " is already voided.");
        }
        return line;
    }

    private static void requireQuantity(long quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw Refusal.of(ErrorCode.INVALID_QUANTITY,
                    "Quantity must be between 1 and " + MAX_QUANTITY + ", not " + quantity + ".");
        }
    }

    /** Attaches a member by card number or phone; their tier prices and member promotions apply at once. */
    public SaleView attachMember(Session session, String saleId, String cardOrPhone) {
        SaleDraft draft = openDraft(session, saleId);
        String key = cardOrPhone == null ? "" : cardOrPhone.strip();
        var member = catalog.member(key).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_MEMBER,
                "No active member has card or phone " + key + "."));
        synchronized (draft) {
            draft.member = member;
            reresolve(draft);
            return changed(draft);
        }
    }

    public SaleView detachMember(Session session, String saleId) {
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            draft.member = null;
            reresolve(draft);
            return changed(draft);
        }
    }

    /** Adds a coupon; whether it changes anything shows in {@code couponsNotApplied}. */
    public SaleView addCoupon(Session session, String saleId, String coupon) {
        SaleDraft draft = openDraft(session, saleId);
        String code = coupon == null ? "" : coupon.strip();
        if (!code.matches(COUPON_PATTERN)) {
            throw Refusal.of(ErrorCode.INVALID_COUPON, "A coupon code is 1-64 letters, digits, '.', '_' or '-'.");
        }
        synchronized (draft) {
            draft.coupons.add(code);
            return changed(draft);
        }
    }

    public SaleView removeCoupon(Session session, String saleId, String coupon) {
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            draft.coupons.remove(coupon);
            return changed(draft);
        }
    }

    /** Parks the sale (the customer went to fetch something); the lane can ring up the next one. */
    public SaleView suspend(Session session, String saleId) {
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            draft.suspended = true;
            return changed(draft);
        }
    }

    /** Takes a suspended sale of this store back, at this lane. */
    public SaleView resume(Session session, String saleId) {
        SaleDraft draft = drafts.get(saleId);
        if (draft == null || !draft.suspended) {
            throw Refusal.of(ErrorCode.NO_SUSPENDED_SALE, "There is no suspended sale " + saleId + ".");
        }
        synchronized (draft) {
            draft.suspended = false;
            draft.lane = session.lane();
            return changed(draft);
        }
    }

    /** The store's suspended sales, oldest first. */
    public List<SaleView> suspended() {
        List<SaleView> views = new ArrayList<>();
        for (SaleDraft draft : drafts.values()) {
            synchronized (draft) {
                if (draft.suspended) {
                    views.add(view(draft));
                }
            }
        }
        views.sort((a, b) -> a.saleId().compareTo(b.saleId()));
        return views;
    }

    /**
     * Completes the sale with the given tenders. Completing an already completed sale returns it
     * unchanged, so a till that retries after a timeout never makes two sales.
     */
    public SaleView complete(Session session, String saleId, List<SaleCompleted.Tender> tenders) {
        var done = QuarkusTransaction.requiringNew().call(() -> completed(saleId));
        if (done.isPresent()) {
            return done.get();
        }
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            if (draft.activeLines().isEmpty()) {
                throw Refusal.of(ErrorCode.EMPTY_SALE, "Scan at least one item before taking payment.");
            }
            Instant now = Instant.now();
            Map<String, Long> seqs = feeds.lastAppliedAsOfReplica();
            PricedBasket priced = pricer.price(draft, now);
            long total = priced.totalMinor();
            if (Tendered.of(tenders, TenderType.ONLINE) > 0) {
                throw Refusal.of(ErrorCode.ONLINE_TENDER, "ONLINE is what an online order paid in advance was "
                        + "paid with: only its handover takes it.");
            }
            long change = Tendered.change(tenders, total, draft.currency, config.maxChangeMinor());
            boolean online = link.isConnected();
            long inPoints = Tendered.of(tenders, TenderType.POINTS);
            if (inPoints > 0 && draft.member == null) {
                throw Refusal.of(ErrorCode.POINTS_NEED_MEMBER, "Attach the member before paying with points.");
            }
            long redeemed = inPoints > 0 ? points.pointsFor(inPoints) : 0;
            long earned = draft.member == null ? 0 : points.earned(total - inPoints, draft.currency);
            PointsMoved moved = new PointsMoved(earned, redeemed, !online);
            // Checked and committed under the member's lock: two lanes cannot both spend the same points.
            SaleView result = redeemed == 0 ? commitOpen(draft, priced, tenders, change, now, seqs, moved)
                    : points.redeeming(draft.member.cardNo(), () -> {
                        points.checkRedeemable(draft.member, redeemed, online);
                        return commitOpen(draft, priced, tenders, change, now, seqs, moved);
                    });
            // Only after the commit: a failed commit leaves the sale open at the till to try again.
            draft.closed = true;
            drafts.remove(saleId);
            shown(result);
            return result;
        }
    }

    /** Commits the sale; if that fails the basket stays open and saved. */
    private SaleView commitOpen(SaleDraft draft, PricedBasket priced, List<SaleCompleted.Tender> tenders, long change,
            Instant now, Map<String, Long> seqs, PointsMoved moved) {
        saved.forget(draft.saleId);
        try {
            return QuarkusTransaction.requiringNew().call(() -> commit(draft, priced, tenders, change, now, seqs,
                    moved));
        } catch (RuntimeException e) {
            saved.save(draft);
            throw e;
        }
    }

    /** The points a sale earns and redeems, and whether HQ was out of reach. */
    private record PointsMoved(long earned, long redeemed, boolean offline) {
    }

    private SaleView commit(SaleDraft draft, PricedBasket priced, List<SaleCompleted.Tender> tenders, long change,
            Instant now, Map<String, Long> seqs, PointsMoved moved) {
        // The lane's lock first: a shift cannot close between the check and this sale's commit.
        long receiptNo = books.nextReceipt(draft.lane);
        Shift shift = shifts.requireOpen(draft.lane);
        SaleCompleted event = new SaleCompleted(draft.saleId, draft.lane, receiptNo, draft.cashier, now,
                draft.currency, draft.member == null ? null : draft.member.cardNo(), List.copyOf(draft.coupons),
                saleLines(draft, priced), priced.savingMinor(), priced.taxMinor(), priced.totalMinor(), tenders,
                change, seqs.getOrDefault("prices", 0L), seqs.getOrDefault("promotions", 0L), moved.earned(),
                moved.redeemed(), moved.offline());
        CompletedSales.Booked booked = completedSales.book(event, shift.shiftId);
        saved.delete(draft.saleId);
        JournalEntry journaled = booked.journaled();
        if (draft.member != null) {
            points.record(draft.member.cardNo(), draft.saleId, journaled.eventId, moved.earned(), moved.redeemed(),
                    moved.offline());
        }
        return view(booked.sale(), event);
    }

    private static List<SaleCompleted.SaleLine> saleLines(SaleDraft draft, PricedBasket priced) {
        List<SaleCompleted.SaleLine> lines = new ArrayList<>();
        for (PricedLine line : priced.lines()) {
            SaleDraft.Line scanned = draft.line(line.line().lineNo());
            lines.add(new SaleCompleted.SaleLine(line.line().lineNo(), line.line().sku(), scanned.code,
                    scanned.item.name(), line.line().quantity(), scanned.weightGrams, line.line().unitPriceMinor(),
                    line.regularMinor(), line.savingMinor(), line.amountMinor(), line.line().tax().code(),
                    line.taxMinor(), line.payableMinor(), line.adjustments().stream().map(a ->
                            new SaleCompleted.LinePromotion(a.promotion(), a.version(), a.savingMinor())).toList()));
        }
        return lines;
    }

    /** Fetches every line's item again: a member's tier changes prices. */
    private void reresolve(SaleDraft draft) {
        for (SaleDraft.Line line : draft.lines) {
            catalog.item(line.item.sku(), memberTier(draft)).ifPresent(item -> line.item = item);
        }
    }

    private static String memberTier(SaleDraft draft) {
        return draft.member == null ? null : draft.member.tier();
    }

    /** Saves the changed draft and shows the sale as it now stands. */
    private SaleView changed(SaleDraft draft) {
        saved.save(draft);
        SaleView view = view(draft);
        shown(view);
        return view;
    }

    /** Tells what shows the sale to the customer (the lane's display); a display's trouble never fails a sale. */
    private void shown(SaleView view) {
        try {
            saleChanges.fire(new SaleChanged(view.lane(), view));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Showing sale %s to the customer failed", view.saleId());
        }
    }

    private SaleDraft openDraft(Session session, String saleId) {
        SaleDraft draft = drafts.get(saleId);
        if (draft == null) {
            throw noSale(saleId);
        }
        requireLane(session, draft);
        if (draft.suspended) {
            throw Refusal.of(ErrorCode.SALE_SUSPENDED, "This sale is suspended: resume it first.");
        }
        return draft;
    }

    private static void requireLane(Session session, SaleDraft draft) {
        if (!draft.lane.equals(session.lane())) {
            throw Refusal.of(ErrorCode.OTHER_LANE, "This sale belongs to lane " + draft.lane + ".");
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> once) {
        return new Supplier<>() {
            private T value;
            private boolean got;

            @Override
            public T get() {
                if (!got) {
                    value = once.get();
                    got = true;
                }
                return value;
            }
        };
    }

    private static Refusal noSale(String saleId) {
        return Refusal.of(ErrorCode.NO_SUCH_SALE, "There is no open sale " + saleId + ".");
    }

    private Optional<SaleView> completed(String saleId) {
        CompletedSale sale = CompletedSale.findById(saleId);
        if (sale == null || !"SALE".equals(sale.kind)) {
            return Optional.empty();
        }
        try {
            return Optional.of(view(sale, codec.readPayload(sale.payload, SaleCompleted.class)));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("sale " + saleId + " in the store's books is unreadable", e);
        }
    }

    private SaleView view(SaleDraft draft) {
        return views.of(draft);
    }

    private static SaleView view(CompletedSale sale, SaleCompleted event) {
        return SaleViews.of(sale, event);
    }
}
