package io.chainretail.pos;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The page's push channel: scans at this lane's scanner, as server-sent events. */
@Path("/api/events")
public class EventsResource {

    private final ScanRelay relay;

    public EventsResource(ScanRelay relay) {
        this.relay = relay;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events() {
        return relay.events();
    }
}
