package io.chainretail.pos;

import io.chainretail.core.till.TillCall;
import io.chainretail.core.web.Refuses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
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

    @Extension(name = Refuses.EXTENSION, value = "STORE_SERVER_UNREACHABLE SIGNED_OUT CROSS_SITE NOT_SIGNED_IN "
            + "UNKNOWN_PICKUP_CODE ORDER_CANCELLED ORDER_NOT_READY ORDER_CLOSED PAYMENT_DUE")
    @POST
    @Path("/handover")
    public Response handOver(@PathParam("code") String code) {
        return agent.call(TillCall.HAND_OVER, null, lane.token(), code).relayed();
    }
}
