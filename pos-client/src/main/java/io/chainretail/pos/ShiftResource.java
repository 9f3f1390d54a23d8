package io.chainretail.pos;

import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The lane's shift, for the cashier page: open it with the counted float ({@code {floatMinor}}), read
 * the X report, close it with the Z report ({@code {counted:[{valueMinor, count}]}}), and open the drawer
 * for no sale with a manager's approval ({@code {approver, pin, reason}}). The bodies are the till API's
 * own ({@link TillApi}); the store agent keeps the books (its refusals come back as they are); this passes the
 * cashier's session along.
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
    @Extension(name = Refuses.EXTENSION, value = "SIGNED_OUT CROSS_SITE STORE_SERVER_UNREACHABLE NOT_SIGNED_IN "
            + "NO_SHIFT")
    @GET
    public Response current() {
        return agent.call(TillCall.SHIFT, null, lane.token()).relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "SIGNED_OUT CROSS_SITE STORE_SERVER_UNREACHABLE NOT_SIGNED_IN "
            + "NO_SHIFT INVALID_FLOAT SHIFT_ALREADY_OPEN STORE_NOT_SYNCED")
    @POST
    @Path("/open")
    public Response open(@Valid TillApi.OpenShift body) {
        return agent.call(TillCall.OPEN_SHIFT, body, lane.token()).relayed();
    }

    /** The Z report. */
    @Extension(name = Refuses.EXTENSION, value = "SIGNED_OUT CROSS_SITE STORE_SERVER_UNREACHABLE NOT_SIGNED_IN "
            + "NO_SHIFT INVALID_COUNT")
    @POST
    @Path("/close")
    public Response close(@Valid TillApi.CloseShift body) {
        return agent.call(TillCall.CLOSE_SHIFT, body, lane.token()).relayed();
    }

    @Extension(name = Refuses.EXTENSION, value = "SIGNED_OUT CROSS_SITE STORE_SERVER_UNREACHABLE NOT_SIGNED_IN "
            + "NO_SHIFT MANAGER_APPROVAL_REQUIRED BAD_CREDENTIALS NOT_A_MANAGER")
    @POST
    @Path("/no-sale")
    public Response noSale(@Valid TillApi.Approval body) {
        return agent.call(TillCall.NO_SALE, body, lane.token()).relayed();
    }
}
