package io.chainretail.hq.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricedLine;
import io.chainretail.core.sync.payload.LinePromotions;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.members.Member;
import io.chainretail.hq.pricing.BasketPreview;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HQ's order centre: takes an order from a channel (once per channel order id), routes it to a store, prices it
 * with that store's prices and promotions by the tills' own engine, reserves its stock there and hands it to
 * {@link OrderDispatch} for the store. The channel pays or cancels it; the store's journal moves it on
 * ({@link OrderProgressBook}). Every change of state is kept with who and when.
 */
@ApplicationScoped
public class OrderCentre {

    /** An order changed in a way its store must hear of; fired inside the transaction that changed it. */
    public record Changed(String orderId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BasketPreview pricing;
    private final StockAvailability availability;
    private final EntityManager entities;
    private final ObjectMapper json;
    private final HqConfig config;
    private final InstantSource clock;
    private final Event<Changed> changed;

    public OrderCentre(BasketPreview pricing, StockAvailability availability, EntityManager entities,
            ObjectMapper json, HqConfig config, InstantSource clock, Event<Changed> changed) {
        this.pricing = pricing;
        this.availability = availability;
        this.entities = entities;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /** What placing answered: the order, and whether it had been placed before under the same channel id. */
    public record Placed(OrderView order, boolean replayed) {
    }

    /**
     * Places an order, or answers the one placed before under the same channel order id. Refuses: UNKNOWN_STORE,
     * UNKNOWN_MEMBER, UNKNOWN_PRODUCT, NOT_ENOUGH_STOCK (pickup), NO_STORE_CAN_FULFIL (delivery),
     * ORDER_ID_REUSED, INVALID_FIELD for what the fulfilment needs and is missing.
     */
    @Transactional
    public Placed place(OrderInput input, String by) {
        String hash = hash(input);
        OnlineOrder earlier = OnlineOrder.byChannelId(input.channel(), input.channelOrderId()).orElse(null);
        if (earlier != null) {
            return replay(earlier, hash);
        }
        // One placement at a time, chain-wide: the row lock is held to the commit, so stock read as available
        // below cannot be reserved by another order meanwhile.
        entities.createNativeQuery("update order_placement set placed = placed + 1 where id = 1").executeUpdate();
        earlier = OnlineOrder.byChannelId(input.channel(), input.channelOrderId()).orElse(null);
        if (earlier != null) {
            return replay(earlier, hash);
        }
        Member member = member(input.customer());
        for (int i = 0; i < input.lines().size(); i++) {
            Product product = Product.findById(input.lines().get(i).sku());
            if (product == null || !product.active) {
                throw Refusal.of(ErrorCode.UNKNOWN_PRODUCT, "lines[" + i + "].sku", "There is no active product "
                        + input.lines().get(i).sku() + ".");
            }
        }
        Map<String, Long> wanted = input.lines().stream().collect(Collectors.toMap(OrderInput.Line::sku,
                line -> (long) line.quantity(), Long::sum, LinkedHashMap::new));
        String storeCode = route(input, wanted);
        Store store = Store.findById(storeCode);
        PricedBasket priced = pricing.price(storeCode, null, member == null ? null : member.tier, Set.of(),
                input.lines().stream().map(line -> new BasketPreview.Line(line.sku(), line.quantity())).toList());
        Instant now = clock.instant();
        OnlineOrder order = new OnlineOrder();
        order.orderId = EventIds.next().toString();
        order.channel = input.channel();
        order.channelOrderId = input.channelOrderId();
        order.requestHash = hash;
        order.storeCode = storeCode;
        order.fulfilment = input.fulfilment();
        order.state = OrderState.PLACED;
        order.version = 1;
        order.storeVersion = 0;
        order.pickupCode = pickupCode(storeCode);
        order.customer = member != null ? member.name : input.customer().name();
        order.member = member == null ? null : member.cardNo;
        order.phone = input.customer().phone() != null ? input.customer().phone()
                : member == null ? null : member.phone;
        order.address = input.address();
        order.latitudeE6 = Degrees.e6(input.latitude());
        order.longitudeE6 = Degrees.e6(input.longitude());
        order.currency = store.currency;
        order.totalMinor = priced.totalMinor();
        order.paid = input.prepaid();
        order.placedAt = now;
        order.updatedAt = now;
        order.persist();
        for (PricedLine line : priced.lines()) {
            OrderLine row = new OrderLine();
            row.orderId = order.orderId;
            row.lineNo = line.line().lineNo();
            row.sku = line.line().sku();
            Product product = Product.findById(row.sku);
            row.name = product == null ? null : product.name;
            row.quantity = line.line().quantity();
            row.unitPriceMinor = line.line().unitPriceMinor();
            row.savingMinor = line.savingMinor();
            row.taxClass = line.line().tax().code();
            row.taxMinor = line.taxMinor();
            row.payableMinor = line.payableMinor();
            row.promotions = LinePromotions.toText(line.adjustments().stream().map(a ->
                    new SaleCompleted.LinePromotion(a.promotion(), a.version(), a.savingMinor())).toList());
            row.persist();
        }
        OrderChange.record(order.orderId, OrderState.PLACED, by, now, input.channel() + " order "
                + input.channelOrderId() + " for " + input.fulfilment().name().toLowerCase() + " at store " + storeCode
                + (input.prepaid() ? ", paid online" : ", to pay at pickup"));
        changed.fire(new Changed(order.orderId));
        return new Placed(view(order), false);
    }

    private Placed replay(OnlineOrder earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw Refusal.of(ErrorCode.ORDER_ID_REUSED, "channelOrderId", "Channel " + earlier.channel
                    + " placed order " + earlier.channelOrderId + " already, with other contents: it stays as it was.");
        }
        return new Placed(view(earlier), true);
    }

    /** A member's tier, for pricing a cart as the till would; {@code null} without a member or for an unknown one. */
    @Transactional
    public String memberTier(String cardNo) {
        Member member = cardNo == null ? null : Member.findById(cardNo);
        return member == null || !member.active ? null : member.tier;
    }

    private static Member member(OrderInput.Customer customer) {
        if (customer.member() == null) {
            if (customer.name() == null || customer.name().isBlank()) {
                throw Refusal.of(ErrorCode.INVALID_FIELD, "customer.name", "A guest's order needs their name.");
            }
            return null;
        }
        Member member = Member.findById(customer.member());
        if (member == null || !member.active) {
            throw Refusal.of(ErrorCode.UNKNOWN_MEMBER, "customer.member", "No active member has card "
                    + customer.member() + ".");
        }
        return member;
    }

    /** The store that gets the order, by {@link OrderRouting}'s rules. */
    private String route(OrderInput input, Map<String, Long> wanted) {
        if (input.fulfilment() == OrderForStore.Fulfilment.PICKUP) {
            if (input.store() == null) {
                throw Refusal.of(ErrorCode.INVALID_FIELD, "store", "A pickup order names the store to collect at.");
            }
            Store store = Store.findById(input.store());
            if (store == null) {
                throw Refusal.of(ErrorCode.UNKNOWN_STORE, "store", "There is no store " + input.store() + ".");
            }
            OrderRouting.Choice choice = OrderRouting.pickup(new OrderRouting.Candidate(store.code, false, null,
                    null, availability.at(store.code, wanted.keySet())), wanted);
            return choice.store().orElseThrow(() -> Refusal.of(ErrorCode.NOT_ENOUGH_STOCK, "lines",
                    "Store " + input.store() + " cannot fill the order: " + String.join(", ", choice.passedOver())
                            + "."));
        }
        if (input.address() == null || input.address().isBlank() || input.latitude() == null
                || input.longitude() == null) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "address", "A delivery order needs the address with its "
                    + "latitude and longitude.");
        }
        int latitude = Degrees.e6(input.latitude());
        int longitude = Degrees.e6(input.longitude());
        java.util.Set<String> online = onlineStores();
        List<OrderRouting.Candidate> candidates = Store.<Store>listAll().stream().map(store -> {
            Long distance = OrderRouting.distanceMetres(latitude, longitude, store);
            boolean reaches = distance != null && store.deliveryRadiusM != null && distance <= store.deliveryRadiusM;
            // Stock is looked up only where it can decide: a store that delivers here and is online.
            return new OrderRouting.Candidate(store.code, online.contains(store.code), distance,
                    store.deliveryRadiusM, reaches && online.contains(store.code)
                            ? availability.at(store.code, wanted.keySet()) : Map.of());
        }).toList();
        OrderRouting.Choice choice = OrderRouting.delivery(candidates, wanted);
        return choice.store().orElseThrow(() -> Refusal.of(ErrorCode.NO_STORE_CAN_FULFIL, "No store can deliver "
                + "this order now: " + (choice.passedOver().isEmpty() ? "the chain has no stores"
                        : String.join("; ", choice.passedOver())) + "."));
    }

    /** The stores that reported themselves online recently enough to count as online. */
    @SuppressWarnings("unchecked")
    private java.util.Set<String> onlineStores() {
        return new java.util.HashSet<>(entities.createNativeQuery("select store_code from store_presence"
                + " where state = 'online' and last_seen_at >= ?1")
                .setParameter(1, clock.instant().minus(config.sync().offlineAfter())).getResultList());
    }

    /** Eight digits, not those of another open order at the store: what the customer shows at the till. */
    private static String pickupCode(String store) {
        while (true) {
            String code = String.format("%08d", RANDOM.nextInt(100_000_000));
            if (OnlineOrder.count("storeCode = ?1 and pickupCode = ?2 and state in ?3", store, code,
                    OrderState.RESERVING) == 0) {
                return code;
            }
        }
    }

    private String hash(OrderInput input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(input)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The channel says the customer paid: the store takes no money at pickup. */
    @Transactional
    public OrderView pay(String orderId, String reference, String by) {
        OnlineOrder order = open(orderId);
        if (!order.paid) {
            order.paid = true;
            order.version++;
            order.updatedAt = clock.instant();
            OrderChange.record(orderId, order.state, by, order.updatedAt, "paid online"
                    + (reference == null ? "" : ", reference " + reference));
            changed.fire(new Changed(orderId));
        }
        return view(order);
    }

    /** Cancels an order whose goods have not left the store; its stock is free again at once. */
    @Transactional
    public OrderView cancel(String orderId, String reason, String by) {
        OnlineOrder order = find(orderId);
        if (order.state == OrderState.CANCELLED) {
            return view(order);
        }
        if (!order.state.cancellable()) {
            throw Refusal.of(ErrorCode.ORDER_CLOSED, "Order " + orderId + " is " + order.state.name().toLowerCase()
                    + ": it cannot be cancelled any more.");
        }
        order.state = OrderState.CANCELLED;
        order.owedForState();
        order.version++;
        order.updatedAt = clock.instant();
        OrderChange.record(orderId, OrderState.CANCELLED, by, order.updatedAt, reason);
        changed.fire(new Changed(orderId));
        return view(order);
    }

    /**
     * The channel gave (part of) a customer's online payment back: for a completed order (goods returned at a store
     * or to the channel, a short pick's difference) or a cancelled one that was paid. The order is REFUNDED, with
     * how much and why; never more than was paid in all. {@code refundId}, the channel's id of this refund, makes it
     * idempotent: a refund sent again is answered as it was. Without one, an order is refunded once, and any
     * refund of it sent again is answered unchanged.
     */
    @Transactional
    public OrderView refund(String orderId, long amountMinor, String reason, String refundId, String by) {
        OnlineOrder order = find(orderId);
        boolean again = refundId == null ? order.refundedMinor > 0
                : OrderChange.count("orderId = ?1 and reference = ?2", orderId, refundId) > 0;
        if (again) {
            return view(order);
        }
        if (!order.paid || !(order.state == OrderState.COMPLETED || order.state == OrderState.CANCELLED
                || order.state == OrderState.REFUNDED)) {
            throw Refusal.of(ErrorCode.ORDER_CLOSED, "Order " + orderId + " is " + order.state.name().toLowerCase()
                    + (order.paid ? "" : " and was not paid online") + ": there is nothing to refund online.");
        }
        long left = order.totalMinor - order.refundedMinor;
        if (amountMinor < 1 || amountMinor > left) {
            throw Refusal.of(ErrorCode.INVALID_QUANTITY, "amountMinor", "A refund is 1 to " + left
                    + " (what was paid online and not yet refunded), was " + amountMinor + ".");
        }
        order.state = OrderState.REFUNDED;
        order.refundedMinor += amountMinor;
        order.updatedAt = clock.instant();
        OrderChange.record(orderId, OrderState.REFUNDED, by, order.updatedAt, amountMinor + " " + order.currency
                + " (minor units) given back online: " + reason, refundId);
        return view(order);
    }

    private OnlineOrder open(String orderId) {
        OnlineOrder order = find(orderId);
        if (!order.state.cancellable()) {
            throw Refusal.of(ErrorCode.ORDER_CLOSED, "Order " + orderId + " is " + order.state.name().toLowerCase()
                    + ".");
        }
        return order;
    }

    static OnlineOrder find(String orderId) {
        OnlineOrder order = orderId == null || orderId.length() > 36 ? null : OnlineOrder.findById(orderId);
        if (order == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_ORDER, "There is no order " + orderId + ".");
        }
        return order;
    }

    @Transactional
    public OrderView get(String orderId) {
        return view(find(orderId));
    }

    static OrderView view(OnlineOrder order) {
        return OrderView.of(order, OrderLine.of(order.orderId),
                OrderChange.list("orderId = ?1 order by id", order.orderId));
    }
}
