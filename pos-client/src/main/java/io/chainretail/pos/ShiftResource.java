package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The lane's shift, for the cashier page: open it with the counted float ({@code {floatMinor}}), read
 * the X report, close it with the Z report ({@code {counted:[{valueMinor, count}]}}), and open the drawer
 * for no sale with a manager's approval ({@code {approver, pin, reason}}). The store agent keeps the
 * books and validates every body (its refusals come back as they are); this passes the cashier's
 * session along.
 */
@Path("/api/shift")
public class ShiftResource {

    private final AgentClient agent;
    private final LaneState lane;

    public ShiftResource(AgentClient agent, LaneState lane) {
        this.agent = agent;
        this.lane = lane;
    }

    /** The X report of the open shift, or 409 NO_SHIFT. */
    @GET
    public Response current() {
        return agent.get("/api/till/shift", lane.token()).relayed();
    }

    @POST
    @Path("/open")
    public Response open(JsonNode body) {
        return agent.post("/api/till/shift/open", body, lane.token()).relayed();
    }

    /** The Z report. */
    @POST
    @Path("/close")
    public Response close(JsonNode body) {
        return agent.post("/api/till/shift/close", body, lane.token()).relayed();
    }

    @POST
    @Path("/no-sale")
    public Response noSale(JsonNode body) {
        return agent.post("/api/till/shift/no-sale", body, lane.token()).relayed();
    }
}
