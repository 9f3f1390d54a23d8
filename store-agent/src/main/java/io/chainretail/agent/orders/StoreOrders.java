package io.chainretail.agent.orders;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.checkout.CompletedSales;
import io.chainretail.agent.checkout.Tendered;
import io.chainretail.agent.lane.LaneBooks;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.agent.points.PointsLedger;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.shift.Shift;
import io.chainretail.agent.shift.ShiftService;
import io.chainretail.agent.stock.StockAdjustments;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.LinePromotions;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.tender.TenderType;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.OrderProgress.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The store's online orders: kept as HQ sends them, picked and made ready by the manager, handed over at a till
 * (or sent out, and settled at a till when the driver is back), expired when not collected in time. Each step is
 * one change of the order and one journal event for HQ ({@code up.order.v1}) in one transaction, so it works with
 * HQ away and reaches HQ once.
 * Handing over at a till records a sale at the lane, as rung up sales are recorded: the receipt, the lane's next
 * receipt number, the stock moved, the payment in the shift (tender {@code ONLINE} when paid in advance, else
 * what the customer pays with), points for a member. A delivery is recorded the same way when its driver is back
 * with the customer's payment: its goods stay on the store's books until then.
 */
@ApplicationScoped
public class StoreOrders {

    /** Who the store's own steps (receiving, expiring) are journaled as. */
    static final String AGENT = "agent";

    private final Journal journal;
    private final StockAdjustments adjustments;
    private final Catalog catalog;
    private final AgentConfig config;
    private final InstantSource clock;
    private final Till till;

    /** What a handover at a till needs of the lane: its books, shift, sale recording, points, feed positions. */
    public record Till(LaneBooks books, ShiftService shifts, CompletedSales sales, PointsLedger points,
            FeedApplier feeds, StoreLink link) {
    }

    public StoreOrders(Journal journal, StockAdjustments adjustments, Catalog catalog, AgentConfig config,
            InstantSource clock, LaneBooks books, ShiftService shifts, CompletedSales sales, PointsLedger points,
            FeedApplier feeds, StoreLink link) {
        this.journal = journal;
        this.adjustments = adjustments;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
        this.till = new Till(books, shifts, sales, points, feeds, link);
    }

    /**
     * Keeps an order HQ sent, or its newer version, and journals that the store holds it (HQ stops sending it
     * then). An older or the same version again changes nothing: HQ sends again until it hears the journal.
     * A cancellation puts an open order's goods back on sale; one already handed over stays handed over.
     */
    @Transactional
    public void receive(OrderForStore sent) {
        StoreOrder order = StoreOrder.findById(sent.orderId());
        if (order != null && order.version >= sent.version()) {
            return;
        }
        Instant now = clock.instant();
        if (order == null) {
            order = create(sent, now);
        }
        order.version = sent.version();
        order.prepaid = sent.prepaid();
        order.updatedAt = now;
        Step step = Step.RECEIVED;
        if (sent.cancelled() && order.open()) {
            order.state = Step.CANCELLED;
            step = Step.CANCELLED;
        }
        journal(order, step, AGENT, List.of(), null);
    }

    private static StoreOrder create(OrderForStore sent, Instant now) {
        StoreOrder order = new StoreOrder();
        order.orderId = sent.orderId();
        order.version = sent.version();
        order.state = Step.RECEIVED;
        order.channel = sent.channel();
        order.channelOrderId = sent.channelOrderId();
        order.fulfilment = sent.fulfilment();
        order.pickupCode = sent.pickupCode();
        order.customer = sent.customer();
        order.member = sent.member();
        order.phone = sent.phone();
        order.address = sent.address();
        order.currency = sent.currency();
        order.totalMinor = sent.totalMinor();
        order.placedAt = sent.placedAt();
        order.prepaid = sent.prepaid();
        order.receivedAt = now;
        order.updatedAt = now;
        order.persist();
        for (OrderForStore.Line line : sent.lines()) {
            StoreOrderLine row = new StoreOrderLine();
            row.orderId = sent.orderId();
            row.lineNo = line.lineNo();
            row.sku = line.sku();
            row.name = line.name();
            row.quantity = line.quantity();
            row.unitPriceMinor = line.unitPriceMinor();
            row.savingMinor = line.savingMinor();
            row.taxClass = line.taxClass();
            row.taxMinor = line.taxMinor();
            row.payableMinor = line.payableMinor();
            row.promotions = LinePromotions.toText(line.promotions());
            row.persist();
        }
        return order;
    }

    /** What the manager picked for one line: fewer units than ordered is a short pick. */
    public record Pick(int lineNo, long picked, String substitute, String consentBy) {
    }

    /**
     * Records what was picked of every line. Refuses: UNKNOWN_ORDER, ORDER_CLOSED (past picking), INVALID_QUANTITY
     * (more than ordered, or below zero), INVALID_FIELD (a line missing or unknown, a substitute without the
     * customer's consent), UNKNOWN_PRODUCT (a substitute the store does not sell).
     */
    @Transactional
    public OrderView pick(String orderId, List<Pick> picks, String manager) {
        StoreOrder order = find(orderId);
        if (order.state != Step.RECEIVED && order.state != Step.PICKED) {
            throw closed(order, "picked");
        }
        Map<Integer, StoreOrderLine> lines = StoreOrderLine.of(orderId).stream()
                .collect(Collectors.toMap(line -> line.lineNo, Function.identity()));
        Map<Integer, Pick> byLine = picks.stream().collect(Collectors.toMap(Pick::lineNo, Function.identity(),
                (a, b) -> {
                    throw Refusal.of(ErrorCode.INVALID_FIELD, "lines", "Line " + a.lineNo() + " is given twice.");
                }));
        if (!byLine.keySet().equals(lines.keySet())) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "lines", "Say what was picked of every line: lines "
                    + lines.keySet() + ", given " + byLine.keySet() + ".");
        }
        for (Pick pick : picks) {
            StoreOrderLine line = lines.get(pick.lineNo());
            if (pick.picked() < 0 || pick.picked() > line.quantity) {
                throw Refusal.of(ErrorCode.INVALID_QUANTITY, "picked", "Line " + pick.lineNo() + " ordered "
                        + line.quantity + " of " + line.sku + "; picked must be 0 to " + line.quantity + ", was "
                        + pick.picked() + ".");
            }
            if (pick.substitute() != null) {
                if (pick.consentBy() == null || pick.consentBy().isBlank()) {
                    throw Refusal.of(ErrorCode.INVALID_FIELD, "consentBy", "A substitute for line " + pick.lineNo()
                            + " needs the customer's consent: say how they agreed.");
                }
                if (catalog.item(pick.substitute(), null).isEmpty()) {
                    throw Refusal.of(ErrorCode.UNKNOWN_PRODUCT, "substitute", "This store does not sell "
                            + pick.substitute() + ".");
                }
            }
        }
        for (Pick pick : picks) {
            StoreOrderLine line = lines.get(pick.lineNo());
            line.picked = pick.picked();
            line.substitute = pick.substitute();
            line.consentBy = pick.substitute() == null ? null : pick.consentBy();
        }
        order.state = Step.PICKED;
        boolean isShort = picks.stream().anyMatch(p -> p.picked() < lines.get(p.lineNo()).quantity);
        journal(order, Step.PICKED, manager, pickedLines(orderId), isShort ? "short pick" : null);
        return view(order);
    }

    /** The picked order waits for the customer (or the driver) from now. */
    @Transactional
    public OrderView ready(String orderId, String manager) {
        StoreOrder order = find(orderId);
        if (order.state != Step.PICKED) {
            throw order.state == Step.RECEIVED ? Refusal.of(ErrorCode.ORDER_NOT_READY, "Pick order " + orderId
                    + " first.") : closed(order, "made ready");
        }
        order.state = Step.READY;
        order.readyAt = clock.instant();
        journal(order, Step.READY, manager, List.of(), null);
        return view(order);
    }

    /** The order a customer's pickup code stands for, for the cashier to check before handing it over. */
    @Transactional
    public OrderView byPickupCode(String pickupCode) {
        return view(withPickupCode(pickupCode));
    }

    /**
     * Records an order's sale at a till: a ready pickup order handed to its customer ({@code HANDED_OVER}), or a
     * delivery settled when its driver is back ({@code DELIVERED}). Paid online (no tenders; the sale's tender is
     * {@code ONLINE}) or paid now with {@code tenders}: at the till, or what the driver collected. The goods leave
     * the stock with the sale. Refuses: UNKNOWN_PICKUP_CODE (not an order of this store), ORDER_CANCELLED,
     * ORDER_NOT_READY (a pickup not ready, a delivery not sent out), ORDER_CLOSED (handed over, delivered or
     * expired), NO_SHIFT, PAYMENT_DUE (unpaid and nothing tendered), ONLINE_TENDER, and what a payment can be
     * refused for.
     */
    @Transactional
    public OrderView handOver(String pickupCode, TillSessions.Session session, List<SaleCompleted.Tender> tenders) {
        StoreOrder order = withPickupCode(pickupCode);
        boolean pickup = order.fulfilment == OrderForStore.Fulfilment.PICKUP;
        if (pickup) {
            requireReady(order);
        } else {
            requireOnTheRoad(order);
        }
        List<SaleCompleted.SaleLine> lines = soldLines(order.orderId);
        if (lines.isEmpty()) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Nothing of order " + order.channelOrderId + " was picked.");
        }
        long total = lines.stream().mapToLong(SaleCompleted.SaleLine::payableMinor).sum();
        List<SaleCompleted.Tender> paid = tenders == null ? List.of() : tenders;
        if (Tendered.of(paid, TenderType.ONLINE) > 0) {
            throw Refusal.of(ErrorCode.ONLINE_TENDER, "Only the order centre records what was paid online.");
        }
        long change = 0;
        if (order.prepaid) {
            paid = List.of(new SaleCompleted.Tender(TenderType.ONLINE.name(), total, order.channel + " "
                    + order.channelOrderId));
        } else if (paid.isEmpty()) {
            throw Refusal.of(ErrorCode.PAYMENT_DUE, (pickup ? "The customer pays " : "The driver hands in ")
                    + Tendered.money(total, order.currency) + " now: take the payment.");
        } else {
            change = Tendered.change(paid, total, order.currency, config.maxChangeMinor());
        }
        if (order.stockLeft) {
            putBackTakenAtSendOut(order, session.cashier());
        }
        SaleCompleted sale = recordSale(order, session, lines, total, paid, change);
        Step step = pickup ? Step.HANDED_OVER : Step.DELIVERED;
        order.state = step;
        long ordered = StoreOrderLine.of(order.orderId).stream().mapToLong(line -> line.payableMinor).sum();
        String refund = order.prepaid && ordered > total ? "picked short: " + Tendered.money(ordered - total,
                order.currency) + " to refund online" : null;
        journal(order, step, session.cashier() + " at lane " + session.lane(), pickedLines(order.orderId), refund,
                sale);
        return view(order);
    }

    /** The order's sale at the session's lane: its receipt number, shift, stock, the member's points. */
    private SaleCompleted recordSale(StoreOrder order, TillSessions.Session session,
            List<SaleCompleted.SaleLine> lines, long total, List<SaleCompleted.Tender> paid, long change) {
        long receiptNo = till.books().nextReceipt(session.lane());
        Shift shift = till.shifts().requireOpen(session.lane());
        Instant now = clock.instant();
        Map<String, Long> seqs = till.feeds().lastAppliedAsOfReplica();
        long earned = order.member == null ? 0 : till.points().earned(total, order.currency);
        SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), session.lane(), receiptNo,
                session.cashier(), now, order.currency, order.member, List.of(), lines,
                lines.stream().mapToLong(SaleCompleted.SaleLine::savingMinor).sum(),
                lines.stream().mapToLong(SaleCompleted.SaleLine::taxMinor).sum(), total, paid, change,
                seqs.getOrDefault("prices", 0L), seqs.getOrDefault("promotions", 0L), earned, 0,
                !till.link().isConnected());
        CompletedSales.Booked booked = till.sales().book(sale, shift.shiftId);
        if (order.member != null) {
            till.points().record(order.member, sale.saleId(), booked.journaled().eventId, earned, 0,
                    sale.offline());
        }
        return sale;
    }

    /**
     * A delivery sent out before deliveries were sold on delivery took its goods off the ledger then (and HQ's
     * book with them): they go back, journaled for HQ, when it is settled (so that its sale takes them off once)
     * or comes back undelivered.
     */
    private void putBackTakenAtSendOut(StoreOrder order, String by) {
        for (OrderProgress.PickedLine line : pickedLines(order.orderId)) {
            if (line.picked() > 0) {
                adjustments.book(line.substitute() != null ? line.substitute() : line.sku(),
                        StockAdjusted.Kind.RECEIVED, line.picked(), null, "back from delivery "
                                + order.channelOrderId + ", sent out before the upgrade", by);
            }
        }
        order.stockLeft = false;
    }

    /**
     * The order's picked lines as a till records them: at the prices HQ gave the order (a substitute at its
     * line's), a short-picked line's saving, tax and payable in proportion to what was picked.
     */
    private List<SaleCompleted.SaleLine> soldLines(String orderId) {
        List<SaleCompleted.SaleLine> sold = new ArrayList<>();
        for (StoreOrderLine line : StoreOrderLine.of(orderId)) {
            long picked = line.picked == null ? 0 : line.picked;
            if (picked == 0) {
                continue;
            }
            List<SaleCompleted.LinePromotion> promotions = LinePromotions.fromText(line.promotions).stream()
                    .map(p -> new SaleCompleted.LinePromotion(p.code(), p.version(), p.savingMinor() * picked
                            / line.quantity)).toList();
            long saving = promotions.stream().mapToLong(SaleCompleted.LinePromotion::savingMinor).sum();
            long regular = Math.multiplyExact(line.unitPriceMinor, picked);
            long amount = regular - saving;
            long fullAmount = line.unitPriceMinor * line.quantity - line.savingMinor;
            long exclusiveTax = (line.payableMinor - fullAmount) * picked / line.quantity;
            String sku = line.substitute != null ? line.substitute : line.sku;
            String name = line.substitute == null ? line.name
                    : catalog.item(line.substitute, null).map(Catalog.Item::name).orElse(line.substitute);
            sold.add(new SaleCompleted.SaleLine(sold.size() + 1, sku, null, name, picked, null, line.unitPriceMinor,
                    regular, saving, amount, line.taxClass, line.taxMinor * picked / line.quantity,
                    amount + exclusiveTax, promotions));
        }
        return sold;
    }

    /**
     * A delivery order leaves the store with its driver. Its goods stay on the books until the driver is back and
     * a till records its sale ({@link #handOver}).
     */
    @Transactional
    public OrderView sendOut(String orderId, String manager) {
        StoreOrder order = find(orderId);
        if (order.fulfilment != OrderForStore.Fulfilment.DELIVERY) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Order " + order.channelOrderId + " is collected at a till.");
        }
        requireReady(order);
        order.state = Step.OUT_FOR_DELIVERY;
        journal(order, Step.OUT_FOR_DELIVERY, manager, List.of(), null);
        return view(order);
    }

    /**
     * A delivery came back with its driver, not delivered (no one home, refused, the wrong address): the order
     * waits at the store again, ready, to be sent out again, collected, or expired after
     * {@code agent.orders.collect-within} from now. Its goods never left the books (a delivery sent out before
     * deliveries were sold on delivery took them off then: they go back).
     */
    @Transactional
    public OrderView deliveryFailed(String orderId, String reason, String manager) {
        StoreOrder order = find(orderId);
        requireOnTheRoad(order);
        if (order.stockLeft) {
            putBackTakenAtSendOut(order, manager);
        }
        order.state = Step.READY;
        order.readyAt = clock.instant();
        journal(order, Step.DELIVERY_FAILED, manager, List.of(), reason.trim());
        return view(order);
    }

    /**
     * Expires the orders ready for longer than {@code agent.orders.collect-within}: their goods never left the
     * ledger, so they are on sale again at once. Answers how many expired.
     */
    @Transactional
    public int expireUncollected() {
        Instant now = clock.instant();
        List<StoreOrder> due = StoreOrder.list("state = ?1 and readyAt < ?2", Step.READY,
                now.minus(config.ordersCollectWithin()));
        for (StoreOrder order : due) {
            order.state = Step.EXPIRED;
            journal(order, Step.EXPIRED, AGENT, List.of(), "not collected within "
                    + config.ordersCollectWithin().toHours() + " h of being ready");
        }
        return due.size();
    }

    /** Open orders first (oldest first), then the last 100 closed ones. */
    @Transactional
    public List<OrderView> list(boolean open) {
        List<StoreOrder> orders = open
                ? StoreOrder.list("state in ?1 order by placedAt", List.of(Step.RECEIVED, Step.PICKED, Step.READY,
                        Step.OUT_FOR_DELIVERY))
                : StoreOrder.<StoreOrder>find("order by updatedAt desc").page(0, 100).list();
        return orders.stream().map(this::view).toList();
    }

    @Transactional
    public OrderView get(String orderId) {
        return view(find(orderId));
    }

    private static void requireReady(StoreOrder order) {
        if (order.state == Step.CANCELLED) {
            throw Refusal.of(ErrorCode.ORDER_CANCELLED, "Order " + order.channelOrderId + " was cancelled: do not "
                    + "hand it over.");
        }
        if (order.state == Step.RECEIVED || order.state == Step.PICKED) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Order " + order.channelOrderId + " is not ready yet: "
                    + "it is " + order.state.name().toLowerCase() + ".");
        }
        if (order.state != Step.READY) {
            throw closed(order, "handed over");
        }
    }

    private static void requireOnTheRoad(StoreOrder order) {
        if (order.state == Step.CANCELLED) {
            throw Refusal.of(ErrorCode.ORDER_CANCELLED, "Order " + order.channelOrderId + " was cancelled.");
        }
        if (order.state == Step.RECEIVED || order.state == Step.PICKED || order.state == Step.READY) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Order " + order.channelOrderId + " is a delivery that has "
                    + "not been sent out: it is " + order.state.name().toLowerCase() + ".");
        }
        if (order.state != Step.OUT_FOR_DELIVERY) {
            throw closed(order, "settled");
        }
    }

    private static Refusal closed(StoreOrder order, String wanted) {
        return Refusal.of(ErrorCode.ORDER_CLOSED, "Order " + order.channelOrderId + " is "
                + order.state.name().toLowerCase().replace('_', ' ') + ": it cannot be " + wanted + " now.");
    }

    private void journal(StoreOrder order, Step step, String by, List<OrderProgress.PickedLine> lines, String note) {
        journal(order, step, by, lines, note, null);
    }

    private void journal(StoreOrder order, Step step, String by, List<OrderProgress.PickedLine> lines, String note,
            SaleCompleted sale) {
        Instant now = clock.instant();
        order.updatedAt = now;
        journal.append("order", MessageSchema.ORDER_PROGRESS, new OrderProgress(order.orderId, order.version, step,
                by, now, lines, note, sale == null ? null : sale.saleId(), sale == null ? null : sale.totalMinor()),
                now);
    }

    private static List<OrderProgress.PickedLine> pickedLines(String orderId) {
        return StoreOrderLine.of(orderId).stream().map(line -> new OrderProgress.PickedLine(line.lineNo, line.sku,
                line.picked == null ? 0 : line.picked, line.substitute, line.consentBy)).toList();
    }

    private static StoreOrder find(String orderId) {
        StoreOrder order = orderId == null || orderId.length() > 36 ? null : StoreOrder.findById(orderId);
        if (order == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_ORDER, "This store has no online order " + orderId + ".");
        }
        return order;
    }

    private static StoreOrder withPickupCode(String pickupCode) {
        StoreOrder order = pickupCode == null || pickupCode.length() > 32 ? null
                : StoreOrder.<StoreOrder>find("pickupCode = ?1 order by placedAt desc", pickupCode.trim())
                        .firstResult();
        if (order == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_PICKUP_CODE, "No online order of this store has pickup code "
                    + pickupCode + ".");
        }
        return order;
    }

    /** The order with what its sale charges: its total, or once picked what was picked (short picks pro rata). */
    private OrderView view(StoreOrder order) {
        List<StoreOrderLine> lines = StoreOrderLine.of(order.orderId);
        boolean picked = lines.stream().anyMatch(line -> line.picked != null);
        long charge = picked ? soldLines(order.orderId).stream().mapToLong(SaleCompleted.SaleLine::payableMinor).sum()
                : order.totalMinor;
        return OrderView.of(order, lines, charge);
    }
}
