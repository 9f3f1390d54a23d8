package io.chainretail.agent.manager;

import io.chainretail.agent.till.LanePairings;
import io.chainretail.core.web.Refuses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The store's lanes, for the manager: which are paired, a one-time code to pair one (shown once; the till
 * asks for it on its first start), and unpairing a lane whose machine is gone.
 */
@Path("/api/manager/lanes")
@ManagerOnly
public class LaneResource {

    private final LanePairings pairings;

    public LaneResource(LanePairings pairings) {
        this.pairings = pairings;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<LanePairings.Lane> lanes() {
        return pairings.lanes();
    }

    /** A new pairing code for the lane (any earlier code of the lane stops working). */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER LANE_INVALID")
    @POST
    @Path("/{lane}/pairing-code")
    public LanePairings.IssuedCode issueCode(@Context ContainerRequestContext request,
            @PathParam("lane") String lane) {
        return pairings.issueCode(LanePairings.requireLane(lane), ManagerResource.manager(request));
    }

    /** Unpairs the lane: its till can no longer sign anyone in, and its cashiers are signed out. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER LANE_INVALID")
    @DELETE
    @Path("/{lane}/pairing")
    public void unpair(@PathParam("lane") String lane) {
        pairings.unpair(LanePairings.requireLane(lane));
    }
}
