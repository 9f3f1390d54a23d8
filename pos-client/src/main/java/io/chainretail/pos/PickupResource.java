package io.chainretail.pos;

import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Online orders collected at this lane: the order a customer's pickup code stands for, and its handover. */
@Path("/api/pickup/{code}")
public class PickupResource {

    private final AgentClient agent;
    private final LaneState lane;

    public PickupResource(AgentClient agent, LaneState lane) {
        this.agent = agent;
        this.lane = lane;
    }

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE NOT_SIGNED_IN "
            + "UNKNOWN_PICKUP_CODE")
    @GET
    public Response find(@PathParam("code") String code) {
        return agent.call(TillCall.ONLINE_ORDER, null, lane.token(), code).relayed();
    }

    /** Hands the order over: paid online, or paid now with the body's tenders (the receipt prints). */
    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE NOT_SIGNED_IN "
            + "UNKNOWN_PICKUP_CODE ORDER_CANCELLED ORDER_NOT_READY ORDER_CLOSED PAYMENT_DUE ONLINE_TENDER NO_SHIFT "
            + "TENDER_TOO_LOW TENDER_TOO_LARGE CHANGE_WITHOUT_CASH CHANGE_TOO_LARGE")
    @POST
    @Path("/handover")
    public Response handOver(@PathParam("code") String code, @Valid TillApi.Handover handover) {
        return agent.call(TillCall.HAND_OVER, handover == null ? new TillApi.Handover(List.of()) : handover,
                lane.token(), code).relayed();
    }
}
