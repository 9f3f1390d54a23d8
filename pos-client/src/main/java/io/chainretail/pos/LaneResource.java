package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.pos.AgentClient.AgentReply;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The cashier page's API. The lane keeps one signed-in cashier and one open sale; every action is
 * forwarded to the store agent, which owns the rules.
 */
@Path("/api")
public class LaneResource {

    private final AgentClient agent;
    private final LaneState lane;
    private final PosConfig config;

    public LaneResource(AgentClient agent, LaneState lane, PosConfig config) {
        this.agent = agent;
        this.lane = lane;
        this.config = config;
    }

    /** Sign-in at this lane. */
    public record SignIn(@NotBlank String cashier, @NotBlank String pin) {
    }

    /** A scanned or keyed barcode. */
    public record Scan(@NotBlank String code, Long quantity) {
    }

    /** Cash handed over, in minor units. */
    public record CashPayment(@NotNull @PositiveOrZero Long amountMinor) {
    }

    @GET
    @Path("/state")
    public Map<String, Object> state() {
        return lane.snapshot(config.lane());
    }

    @POST
    @Path("/signin")
    public Response signIn(@Valid SignIn request) {
        AgentReply reply = agent.post("/api/till/signin",
                Map.of("cashier", request.cashier(), "pin", request.pin(), "lane", config.lane()), null);
        if (!reply.ok()) {
            return relay(reply);
        }
        // The session token stays in the lane; the page never sees it.
        lane.signedIn(reply.body().path("token").asText(), reply.body().path("cashier").asText());
        return Response.ok(state()).build();
    }

    @POST
    @Path("/signout")
    public Map<String, Object> signOut() {
        lane.signedOut();
        return state();
    }

    @POST
    @Path("/sale/scan")
    public Response scan(@Valid Scan scan) {
        String token = lane.token();
        if (lane.saleId() == null) {
            AgentReply opened = agent.post("/api/till/sales", null, token);
            if (opened.status() == 409 && "NO_SHIFT".equals(opened.body().path("code").asText())) {
                // Until the till has its shift dialog, it opens the lane's shift with the configured float.
                AgentReply shift = agent.post("/api/till/shift/open", Map.of("floatMinor", config.openingFloat()),
                        token);
                if (!shift.ok() && !"SHIFT_ALREADY_OPEN".equals(shift.body().path("code").asText())) {
                    return relay(shift);
                }
                opened = agent.post("/api/till/sales", null, token);
            }
            if (!opened.ok()) {
                return relay(opened);
            }
            lane.saleOpened(opened.body());
        }
        AgentReply reply = agent.post("/api/till/sales/" + lane.saleId() + "/lines",
                Map.of("code", scan.code(), "quantity", scan.quantity() == null ? 1 : scan.quantity()), token);
        if (reply.ok()) {
            lane.saleChanged(reply.body());
        }
        return relay(reply);
    }

    @POST
    @Path("/sale/pay-cash")
    public Response payCash(@Valid CashPayment payment) {
        if (lane.saleId() == null) {
            return Response.status(409).entity(Map.of("code", "NO_SALE", "message", "Scan an item first.")).build();
        }
        AgentReply reply = agent.post("/api/till/sales/" + lane.saleId() + "/complete",
                Map.of("tenders", List.of(Map.of("type", "CASH", "amountMinor", payment.amountMinor()))),
                lane.token());
        if (reply.ok()) {
            lane.saleCompleted(reply.body());
        }
        return relay(reply);
    }

    private static Response relay(AgentReply reply) {
        JsonNode body = reply.body();
        return Response.status(reply.status()).entity(body).type("application/json").build();
    }
}
