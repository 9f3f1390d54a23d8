package io.chainretail.pos;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The customer's second screen ({@code customer.html}): what it shows now, and each change as it happens. */
@Path("/api/customer")
public class CustomerResource {

    private final CustomerScreen screen;

    public CustomerResource(CustomerScreen screen) {
        this.screen = screen;
    }

    @GET
    public CustomerScreen.View current() {
        return screen.current();
    }

    /** Server-sent events, one {@link CustomerScreen.View} per change. */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<CustomerScreen.View> events() {
        return screen.changes();
    }
}
