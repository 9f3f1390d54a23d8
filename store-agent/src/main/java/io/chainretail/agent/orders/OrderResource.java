package io.chainretail.agent.orders;

import io.chainretail.agent.manager.ManagerGate;
import io.chainretail.agent.manager.ManagerOnly;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The store manager's online orders: what to pick, picking (short picks, substitutes), ready, sent out. */
@Path("/api/orders")
@ManagerOnly
public class OrderResource {

    /** What was picked of each line; a substitute needs {@code consentBy}: how the customer agreed. */
    public record Picking(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid PickedLine> lines) {
    }

    /** One line as picked. */
    public record PickedLine(@Min(1) int lineNo, @Min(0) @Max(100_000) long picked,
            @Size(max = 64) String substitute, @Size(max = 200) String consentBy) {
    }

    private final StoreOrders orders;

    public OrderResource(StoreOrders orders) {
        this.orders = orders;
    }

    /** Open orders, oldest first (what to pick and what waits); {@code open=false}: the last 100 of all. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<OrderView> list(@QueryParam("open") @DefaultValue("true") boolean open) {
        return orders.list(open);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_ORDER")
    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") String orderId) {
        return orders.get(orderId);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_ORDER ORDER_CLOSED "
            + "INVALID_QUANTITY UNKNOWN_PRODUCT")
    @POST
    @Path("/{orderId}/pick")
    public OrderView pick(@Context ContainerRequestContext request, @PathParam("orderId") String orderId,
            @Valid @NotNull Picking picking) {
        return orders.pick(orderId, picking.lines().stream().map(line -> new StoreOrders.Pick(line.lineNo(),
                line.picked(), blankToNull(line.substitute()), line.consentBy())).toList(), manager(request));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_ORDER ORDER_CLOSED "
            + "ORDER_NOT_READY")
    @POST
    @Path("/{orderId}/ready")
    public OrderView ready(@Context ContainerRequestContext request, @PathParam("orderId") String orderId) {
        return orders.ready(orderId, manager(request));
    }

    /**
     * A delivery order leaves with its driver. When the driver is back, a till records its sale with the pickup
     * code (the customer's payment, or paid online): its goods leave the stock then.
     */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_ORDER ORDER_CLOSED "
            + "ORDER_NOT_READY ORDER_CANCELLED")
    @POST
    @Path("/{orderId}/out-for-delivery")
    public OrderView sendOut(@Context ContainerRequestContext request, @PathParam("orderId") String orderId) {
        return orders.sendOut(orderId, manager(request));
    }

    /** Why a delivery came back undelivered. */
    public record DeliveryFailure(@NotBlank @Size(max = 200) String reason) {
    }

    /** The driver is back without delivering: the order waits at the store again, ready. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_ORDER ORDER_CLOSED "
            + "ORDER_NOT_READY ORDER_CANCELLED INVALID_FIELD")
    @POST
    @Path("/{orderId}/delivery-failed")
    public OrderView deliveryFailed(@Context ContainerRequestContext request, @PathParam("orderId") String orderId,
            @Valid @NotNull DeliveryFailure failure) {
        return orders.deliveryFailed(orderId, failure.reason(), manager(request));
    }

    private static String manager(ContainerRequestContext request) {
        return (String) request.getProperty(ManagerGate.MANAGER);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
