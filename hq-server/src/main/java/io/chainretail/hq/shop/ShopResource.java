package io.chainretail.hq.shop;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricedLine;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.catalog.ProductService;
import io.chainretail.hq.catalog.ProductView;
import io.chainretail.hq.orders.Degrees;
import io.chainretail.hq.orders.OnlineOrder;
import io.chainretail.hq.orders.OrderCentre;
import io.chainretail.hq.orders.OrderInput;
import io.chainretail.hq.orders.OrderRouting;
import io.chainretail.hq.orders.OrderState;
import io.chainretail.hq.orders.OrderView;
import io.chainretail.hq.orders.StockAvailability;
import io.chainretail.hq.pricing.BasketPreview;
import io.chainretail.hq.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The customers' shop (the reference storefront of the order centre, {@code /shop.html}), open to anyone: the
 * stores, a store's catalog with its prices, promotions and available stock, a cart priced by the tills' engine,
 * placing a pickup or delivery order (paid at pickup or on delivery), and following it with its pickup code.
 */
@Path("/api/shop")
@PermitAll
public class ShopResource {

    /** The channel the shop's orders come in on. */
    static final String CHANNEL = "web";

    /** A store as a customer chooses it; {@code distanceMetres} from where they are, when they said. */
    public record ShopStore(String code, String name, String region, String currency, Long distanceMetres,
            boolean delivers) {
    }

    /** A product on the shelf of one store: its price there now, what a promotion takes off one, units free. */
    public record ShelfItem(String sku, String name, long priceMinor, long savingMinor, long payMinor,
            List<String> promotions, long available) {
    }

    /** A cart to price. */
    public record Cart(@Size(max = 32) String member,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines) {
    }

    /** One product and how many. */
    public record Line(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(999) int quantity) {
    }

    /** The cart priced: each line and the whole, with the promotions applied. */
    public record PricedCart(List<PricedCartLine> lines, long regularMinor, long savingMinor, long totalMinor,
            List<String> promotions) {
    }

    /** One priced line of a cart. */
    public record PricedCartLine(String sku, String name, int quantity, long regularMinor, long savingMinor,
            long payableMinor) {
    }

    /**
     * An order from the shop. {@code orderKey} is made by the page once per checkout (a UUID), so pressing the
     * button twice places one order.
     */
    public record ShopOrder(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{8,64}") String orderKey,
            @NotNull OrderForStore.Fulfilment fulfilment, @Size(max = 16) String store,
            @NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 32) String phone,
            @Size(max = 32) String member, @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines) {
    }

    /**
     * An order as its customer follows it; {@code chargedMinor} what the store charged once handed over or
     * delivered, {@code refundDueMinor} what is to come back to a customer who paid online.
     */
    public record TrackedOrder(String orderId, OrderState state, String store, String storeName,
            OrderForStore.Fulfilment fulfilment, String pickupCode, String customer, String currency, long totalMinor,
            boolean paid, Long chargedMinor, long refundDueMinor, List<OrderView.Line> lines, List<Step> steps) {
    }

    /** One step of the order: its state and when. */
    public record Step(OrderState state, Instant at) {
    }

    private final ProductService products;
    private final BasketPreview pricing;
    private final StockAvailability availability;
    private final OrderCentre orders;
    private final OrderLimit limit;

    public ShopResource(ProductService products, BasketPreview pricing, StockAvailability availability,
            OrderCentre orders, OrderLimit limit) {
        this.products = products;
        this.pricing = pricing;
        this.availability = availability;
        this.orders = orders;
        this.limit = limit;
    }

    /** The chain's stores, nearest first when the customer gives where they are. */
    @Extension(name = Refuses.EXTENSION, value = "INVALID_FIELD")
    @GET
    @Path("/stores")
    @Transactional
    public List<ShopStore> stores(@QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
        return Store.<Store>listAll().stream().map(store -> new ShopStore(store.code, store.name, store.region,
                store.currency, latitude == null || longitude == null ? null
                        : OrderRouting.distanceMetres(Degrees.e6(latitude), Degrees.e6(longitude), store),
                store.deliveryRadiusM != null))
                .sorted(Comparator.comparing((ShopStore s) -> s.distanceMetres() == null ? Long.MAX_VALUE
                        : s.distanceMetres()).thenComparing(ShopStore::code)).toList();
    }

    /**
     * The store's products found by name, SKU prefix or barcode, 20 to a page, each priced at the store now with
     * the units it can still promise.
     */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_STORE INVALID_PAGE")
    @GET
    @Path("/stores/{store}/products")
    public List<ShelfItem> shelf(@PathParam("store") String store,
            @QueryParam("q") @DefaultValue("") @Size(max = 64) String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1000) int page) {
        List<ProductView> found = text.isBlank() ? products.page(page, 20) : products.search(text, page, 20);
        List<String> skus = found.stream().map(ProductView::sku).toList();
        Map<String, PricedBasket> prices = pricing.priceEach(store, null, skus);
        Map<String, Long> free = availability.at(store, skus);
        return found.stream().filter(p -> prices.containsKey(p.sku())).map(p -> {
            PricedBasket one = prices.get(p.sku());
            return new ShelfItem(p.sku(), p.name(), one.regularMinor(), one.savingMinor(), one.totalMinor(),
                    one.promotions().stream().map(PricedBasket.AppliedPromotion::name).toList(),
                    Math.max(0, free.getOrDefault(p.sku(), 0L)));
        }).toList();
    }

    /** The cart priced at the store as its till would price it now (a member's tier and promotions too). */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_STORE UNKNOWN_PRODUCT NO_PRICE WEIGHT_NEEDED "
            + "BODY_TOO_LARGE LENGTH_REQUIRED")
    @POST
    @Path("/stores/{store}/cart")
    public PricedCart price(@PathParam("store") String store, @Valid @NotNull Cart cart) {
        PricedBasket priced = pricing.price(store, null, orders.memberTier(cart.member()), Set.of(),
                cart.lines().stream().map(line -> new BasketPreview.Line(line.sku(), line.quantity())).toList());
        return new PricedCart(priced.lines().stream().map(ShopResource::cartLine).toList(), priced.regularMinor(),
                priced.savingMinor(), priced.totalMinor(), priced.promotions().stream()
                        .map(PricedBasket.AppliedPromotion::name).toList());
    }

    private static PricedCartLine cartLine(PricedLine line) {
        return new PricedCartLine(line.line().sku(), orderName(line.line().sku()), line.line().quantity(),
                line.regularMinor(), line.savingMinor(), line.payableMinor());
    }

    private static String orderName(String sku) {
        io.chainretail.hq.catalog.Product product = io.chainretail.hq.catalog.Product.findById(sku);
        return product == null ? sku : product.name;
    }

    /**
     * Places the order (paid at pickup or on delivery): 201 with the order to follow, or 200 with the same order
     * when the page sends it again. An address may place {@code hq.shop.orders-per-hour} orders an hour (429
     * TOO_MANY_ORDERS after), sending one again is always answered.
     */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_STORE UNKNOWN_MEMBER UNKNOWN_PRODUCT NO_PRICE "
            + "WEIGHT_NEEDED NOT_ENOUGH_STOCK NO_STORE_CAN_FULFIL ORDER_ID_REUSED CONFLICT BODY_TOO_LARGE "
            + "LENGTH_REQUIRED TOO_MANY_ORDERS")
    @POST
    @Path("/orders")
    public Response place(@Context HttpServerRequest request, @Valid @NotNull ShopOrder order) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        boolean again = QuarkusTransaction.requiringNew().call(() -> OnlineOrder.byChannelId(CHANNEL,
                order.orderKey()).isPresent());
        if (!again) {
            limit.admit(address);
        }
        OrderCentre.Placed placed;
        try {
            placed = orders.place(new OrderInput(CHANNEL, order.orderKey(), order.fulfilment(), order.store(),
                    new OrderInput.Customer(order.member(), order.name(), order.phone()), order.address(),
                    order.latitude(), order.longitude(), order.lines().stream().map(line -> new OrderInput.Line(
                            line.sku(), line.quantity())).toList(), false), "shop");
        } catch (RuntimeException refused) {
            if (!again) {
                limit.release(address); // an order not placed takes no place
            }
            throw refused;
        }
        if (!again && placed.replayed()) {
            limit.release(address); // sent again meanwhile: counted once, when first placed
        }
        return Response.status(placed.replayed() ? 200 : 201).entity(tracked(placed.order())).build();
    }

    /** The order as its customer follows it; its id is the customer's to keep. */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_ORDER")
    @GET
    @Path("/orders/{orderId}")
    @Transactional
    public TrackedOrder order(@PathParam("orderId") String orderId) {
        return tracked(orders.get(orderId));
    }

    /** The pickup code as a QR code the till's scanner reads. */
    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_ORDER")
    @GET
    @Path("/orders/{orderId}/pickup-code.svg")
    @Produces("image/svg+xml")
    @Transactional
    public String pickupQr(@PathParam("orderId") String orderId) {
        // Through tracked(): another channel's order is not the shop's to show, its pickup code least of all.
        return PickupQr.svg(tracked(orders.get(orderId)).pickupCode());
    }

    private static TrackedOrder tracked(OrderView order) {
        Store store = Store.findById(order.store());
        if (!CHANNEL.equals(order.channel())) {
            // Orders of other channels are followed there, not in this shop.
            throw Refusal.of(ErrorCode.UNKNOWN_ORDER, "There is no shop order " + order.orderId() + ".");
        }
        return new TrackedOrder(order.orderId(), order.state(), order.store(), store == null ? null : store.name,
                order.fulfilment(), order.pickupCode(), order.customer(), order.currency(), order.totalMinor(),
                order.paid(), order.chargedMinor(), order.refundDueMinor(), order.lines(),
                order.changes().stream().map(c -> new Step(c.state(), c.at())).toList());
    }
}
