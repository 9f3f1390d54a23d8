package io.chainretail.agent.orders;

import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The till's side of online orders: find one by the customer's pickup code, and hand it over. */
@Path("/api/till/orders/{pickupCode}")
public class TillOrderResource {

    private final TillSessions sessions;
    private final StoreOrders orders;

    public TillOrderResource(TillSessions sessions, StoreOrders orders) {
        this.sessions = sessions;
        this.orders = orders;
    }

    /** The order the code stands for, whatever its state, for the cashier to check with the customer. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL UNKNOWN_PICKUP_CODE")
    @GET
    public OrderView find(@HeaderParam(TillApi.TOKEN_HEADER) String token,
            @PathParam("pickupCode") String pickupCode) {
        sessions.require(token);
        return orders.byPickupCode(pickupCode);
    }

    /**
     * Hands the ready order to the customer, recorded as a sale at this lane (its receipt prints): paid online, or
     * paid now with the body's tenders.
     */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL UNKNOWN_PICKUP_CODE ORDER_CANCELLED "
            + "ORDER_NOT_READY ORDER_CLOSED PAYMENT_DUE ONLINE_TENDER NO_SHIFT TENDER_TOO_LOW TENDER_TOO_LARGE "
            + "CHANGE_WITHOUT_CASH CHANGE_TOO_LARGE")
    @POST
    @Path("/handover")
    public OrderView handOver(@HeaderParam(TillApi.TOKEN_HEADER) String token,
            @PathParam("pickupCode") String pickupCode, @Valid TillApi.Handover handover) {
        TillSessions.Session session = sessions.require(token);
        List<SaleCompleted.Tender> tenders = handover == null || handover.tenders() == null ? List.of()
                : handover.tenders().stream().map(t -> new SaleCompleted.Tender(t.type().name(), t.amountMinor(),
                        t.reference())).toList();
        return orders.handOver(pickupCode, session, tenders);
    }
}
