package io.chainretail.agent.orders;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.uplink.Journal;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The store's online orders: kept as HQ sends them, picked and made ready by the manager, handed over at a till
 * (or sent out and delivered), expired when not collected in time. Each step is one change of the order and one
 * journal event for HQ ({@code up.order.v1}) in one transaction, so it works with HQ away and reaches HQ once. The
 * goods leave the store's stock ledger when they are handed over or sent out, as HQ's stock book moves them.
 */
@ApplicationScoped
public class StoreOrders {

    /** Who the store's own steps (receiving, expiring) are journaled as. */
    static final String AGENT = "agent";

    private final Journal journal;
    private final StockLedger stock;
    private final Catalog catalog;
    private final AgentConfig config;
    private final InstantSource clock;

    public StoreOrders(Journal journal, StockLedger stock, Catalog catalog, AgentConfig config, InstantSource clock) {
        this.journal = journal;
        this.stock = stock;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
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
            row.payableMinor = line.payableMinor();
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
     * Hands a ready, prepaid pickup order to the customer at a till: its goods leave the stock ledger and the
     * handover is journaled, once. Refuses: UNKNOWN_PICKUP_CODE (not an order of this store), ORDER_CANCELLED,
     * ORDER_NOT_READY, ORDER_CLOSED (handed over or expired), PAYMENT_DUE (the customer pays at pickup).
     */
    @Transactional
    public OrderView handOver(String pickupCode, String cashier, String lane) {
        StoreOrder order = withPickupCode(pickupCode);
        if (order.fulfilment != OrderForStore.Fulfilment.PICKUP) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Order " + order.channelOrderId + " is for delivery, "
                    + "not for collection at a till.");
        }
        requireReady(order);
        if (!order.prepaid) {
            throw Refusal.of(ErrorCode.PAYMENT_DUE, "The customer pays " + order.totalMinor + " (" + order.currency
                    + ", minor units) at pickup: take the payment first.");
        }
        return leave(order, Step.HANDED_OVER, cashier + " at lane " + lane);
    }

    /** A delivery order leaves the store with its driver. */
    @Transactional
    public OrderView sendOut(String orderId, String manager) {
        StoreOrder order = find(orderId);
        if (order.fulfilment != OrderForStore.Fulfilment.DELIVERY) {
            throw Refusal.of(ErrorCode.ORDER_NOT_READY, "Order " + order.channelOrderId + " is collected at a till.");
        }
        requireReady(order);
        return leave(order, Step.OUT_FOR_DELIVERY, manager);
    }

    /** The driver handed a delivery order to the customer. */
    @Transactional
    public OrderView delivered(String orderId, String manager) {
        StoreOrder order = find(orderId);
        if (order.state != Step.OUT_FOR_DELIVERY) {
            throw closed(order, "delivered");
        }
        order.state = Step.DELIVERED;
        journal(order, Step.DELIVERED, manager, List.of(), null);
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
        return orders.stream().map(StoreOrders::view).toList();
    }

    @Transactional
    public OrderView get(String orderId) {
        return view(find(orderId));
    }

    private OrderView leave(StoreOrder order, Step step, String by) {
        order.state = step;
        List<OrderProgress.PickedLine> lines = pickedLines(order.orderId);
        stock.moveAll(lines.stream().filter(line -> line.picked() > 0).map(line -> new StockLedger.Move(
                line.substitute() != null ? line.substitute() : line.sku(), -line.picked(), null)).toList(), "ORDER",
                order.orderId);
        journal(order, step, by, lines, null);
        return view(order);
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

    private static Refusal closed(StoreOrder order, String wanted) {
        return Refusal.of(ErrorCode.ORDER_CLOSED, "Order " + order.channelOrderId + " is "
                + order.state.name().toLowerCase().replace('_', ' ') + ": it cannot be " + wanted + " now.");
    }

    private void journal(StoreOrder order, Step step, String by, List<OrderProgress.PickedLine> lines, String note) {
        Instant now = clock.instant();
        order.updatedAt = now;
        journal.append("order", MessageSchema.ORDER_PROGRESS, new OrderProgress(order.orderId, order.version, step,
                by, now, lines, note), now);
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

    static OrderView view(StoreOrder order) {
        return OrderView.of(order, StoreOrderLine.of(order.orderId));
    }
}
