package io.chainretail.agent.devices;

import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.till.TillApi;
import io.chainretail.core.web.Refuses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** A lane's devices for its till, and reprints of its receipts. */
@Path("/api/till")
public class TillDeviceResource {

    private final AllDevices devices;
    private final PrintSpooler spooler;
    private final TillSessions sessions;
    private final LaneEvents events;

    public TillDeviceResource(AllDevices devices, PrintSpooler spooler, TillSessions sessions, LaneEvents events) {
        this.devices = devices;
        this.spooler = spooler;
        this.sessions = sessions;
        this.events = events;
    }

    /** Server-sent events: each scan at this lane's scanner, {@code {lane, code, symbology, misread}}. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL")
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StoreDevices.Scanned> events(@HeaderParam(TillApi.TOKEN_HEADER) String token) {
        return events.of(sessions.require(token).lane());
    }

    /** Each device's state and problem, and the receipts that may not have printed (offer a reprint). */
    public record LaneDevices(List<DeviceStatus> devices, List<String> uncertainReceipts) {
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL")
    @GET
    @Path("/devices")
    public LaneDevices lane(@HeaderParam(TillApi.TOKEN_HEADER) String token) {
        String lane = sessions.require(token).lane();
        return new LaneDevices(devices.statuses(lane), spooler.uncertain(lane).stream()
                .map(job -> job.documentId).toList());
    }

    /** Prints the receipt again, marked COPY, on this lane's printer. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_TILL NO_SUCH_RECEIPT NO_PRINTER")
    @POST
    @Path("/receipts/{id}/reprint")
    public void reprint(@HeaderParam(TillApi.TOKEN_HEADER) String token, @PathParam("id") String id) {
        spooler.reprint(sessions.require(token).lane(), id);
    }
}
