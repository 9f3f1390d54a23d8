package io.chainretail.pos;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The lane's shift, for the cashier page: open it with the counted float, read the X report, close
 * it with the Z report (cash counted by denomination), and open the drawer for no sale with a
 * manager's approval. The store agent keeps the books; this passes the cashier's session along.
 */
@Path("/api/shift")
public class ShiftResource {

    private final AgentClient agent;
    private final LaneState lane;

    public ShiftResource(AgentClient agent, LaneState lane) {
        this.agent = agent;
        this.lane = lane;
    }

    /** The float counted into the drawer. */
    public record Open(@NotNull @PositiveOrZero Long floatMinor) {
    }

    /** The cash counted at close. */
    public record Close(@NotNull @Size(max = 100) List<@Valid Count> counted) {
    }

    /** Notes or coins of one value. */
    public record Count(@Positive long valueMinor, @PositiveOrZero int count) {
    }

    /** A manager's approval. */
    public record Approval(@NotBlank String approver, @NotBlank String pin, String reason) {
    }

    /** The X report of the open shift, or 409 NO_SHIFT. */
    @GET
    public Response current() {
        return agent.get("/api/till/shift", lane.token()).relayed();
    }

    @POST
    @Path("/open")
    public Response open(@Valid Open open) {
        return agent.post("/api/till/shift/open", Map.of("floatMinor", open.floatMinor()), lane.token()).relayed();
    }

    /** The Z report. */
    @POST
    @Path("/close")
    public Response close(@Valid Close close) {
        return agent.post("/api/till/shift/close", close, lane.token()).relayed();
    }

    @POST
    @Path("/no-sale")
    public Response noSale(@Valid Approval approval) {
        return agent.post("/api/till/shift/no-sale", approval, lane.token()).relayed();
    }
}
