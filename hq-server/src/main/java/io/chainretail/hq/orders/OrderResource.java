package io.chainretail.hq.orders;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The order centre's API for channels and HQ staff: place an order (idempotent by the channel's order id), say it
 * was paid, cancel it, and follow it through its states.
 */
@Path("/api/orders")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class OrderResource {

    /** The channel's payment reference, if any. */
    public record Payment(@Size(max = 64) String reference) {
    }

    /** Why the order is cancelled. */
    public record Cancellation(@NotNull @Size(min = 1, max = 200) String reason) {
    }

    /**
     * What the channel gave back online, in minor units, and why; {@code refundId}, the channel's id of this
     * refund, lets an order be refunded more than once (without it, once).
     */
    public record Refund(@NotNull @Min(1) Long amountMinor, @NotNull @Size(min = 1, max = 200) String reason,
            @Size(min = 1, max = 64) String refundId) {
    }

    /** An order as listed; {@code refundDueMinor}: what the channel still has to give back online. */
    public record OrderSummary(String orderId, String channel, String channelOrderId, String store,
            String fulfilment, OrderState state, String customer, long totalMinor, String currency, boolean paid,
            long refundDueMinor, java.time.Instant placedAt) {
    }

    private final OrderCentre centre;
    private final SecurityIdentity caller;

    public OrderResource(OrderCentre centre, SecurityIdentity caller) {
        this.centre = centre;
        this.caller = caller;
    }

    /**
     * Places an order: 201 with the order, its store and pickup code; 200 with the same order when the channel
     * placed it before under this id.
     */
    @Extension(name = Refuses.EXTENSION, value = "BODY_TOO_LARGE LENGTH_REQUIRED UNKNOWN_STORE UNKNOWN_MEMBER "
            + "UNKNOWN_PRODUCT NO_PRICE WEIGHT_NEEDED NOT_ENOUGH_STOCK NO_STORE_CAN_FULFIL ORDER_ID_REUSED CONFLICT")
    @POST
    public Response place(@Valid @NotNull OrderInput order) {
        OrderCentre.Placed placed = centre.place(order, caller.getPrincipal().getName());
        return Response.status(placed.replayed() ? 200 : 201).entity(placed.order()).build();
    }

    /**
     * Orders, newest first, narrowed by store and state, or to those with a refund due ({@code refundDue=true}:
     * paid online and cancelled, or charged less than paid); a store manager names their own store.
     */
    @Extension(name = Refuses.EXTENSION, value = "INVALID_PAGE OTHER_STORE")
    @GET
    @Transactional
    @RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
    public List<OrderSummary> list(@QueryParam("store") @Size(max = 16) String store,
            @QueryParam("state") OrderState state,
            @QueryParam("refundDue") boolean refundDue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        String where = "1 = 1";
        if (store != null) {
            where += " and storeCode = :store";
            parameters.and("store", store);
        }
        if (state != null) {
            where += " and state = :state";
            parameters.and("state", state);
        }
        if (refundDue) {
            where += " and " + OnlineOrder.REFUND_DUE;
        }
        return OnlineOrder.<OnlineOrder>find(where + " order by placedAt desc, orderId", parameters).page(page, size)
                .stream().map(o -> new OrderSummary(o.orderId, o.channel, o.channelOrderId, o.storeCode,
                        o.fulfilment.name(), o.state, o.customer, o.totalMinor, o.currency, o.paid, o.refundDueMinor(),
                        o.placedAt))
                .toList();
    }

    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_ORDER")
    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") String orderId) {
        return centre.get(orderId);
    }

    /** The customer paid in the channel: the store takes no money when they collect. */
    @Extension(name = Refuses.EXTENSION, value = "BODY_TOO_LARGE LENGTH_REQUIRED UNKNOWN_ORDER ORDER_CLOSED")
    @POST
    @Path("/{orderId}/payment")
    public OrderView pay(@PathParam("orderId") String orderId, @Valid @NotNull Payment payment) {
        return centre.pay(orderId, payment.reference(), caller.getPrincipal().getName());
    }

    /**
     * The channel refunded the customer online: a completed order (goods returned at a store or to the channel, a
     * short pick's difference: its {@code refundDueMinor}) or a cancelled one that was paid. The order is REFUNDED,
     * with the amount; never more than was paid in all. The same refund sent again (the same {@code refundId}, or
     * any refund without one once the order was refunded) is answered with the order as it is.
     */
    @Extension(name = Refuses.EXTENSION, value = "BODY_TOO_LARGE LENGTH_REQUIRED UNKNOWN_ORDER ORDER_CLOSED "
            + "INVALID_QUANTITY")
    @POST
    @Path("/{orderId}/refund")
    public OrderView refund(@PathParam("orderId") String orderId, @Valid @NotNull Refund refund) {
        return centre.refund(orderId, refund.amountMinor(), refund.reason(), refund.refundId(),
                caller.getPrincipal().getName());
    }

    /** Cancels an order whose goods have not left the store; cancelling it again answers it as it is. */
    @Extension(name = Refuses.EXTENSION, value = "BODY_TOO_LARGE LENGTH_REQUIRED UNKNOWN_ORDER ORDER_CLOSED")
    @POST
    @Path("/{orderId}/cancel")
    public OrderView cancel(@PathParam("orderId") String orderId, @Valid @NotNull Cancellation cancellation) {
        return centre.cancel(orderId, cancellation.reason(), caller.getPrincipal().getName());
    }
}
