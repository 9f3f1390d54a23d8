package io.chainretail.hq.quarantine;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The central view of uplinked events HQ could not store, with replay and dismissal (HQ admins). A store's
 * manager may list their own store's.
 */
@Path("/api/quarantine")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class QuarantineResource {

    /** Why an operator dismisses an event. */
    public record Dismissal(String note) {
    }

    private final QuarantineReview review;
    private final SecurityIdentity identity;

    public QuarantineResource(QuarantineReview review, SecurityIdentity identity) {
        this.review = review;
        this.identity = identity;
    }

    @Extension(name = Refuses.EXTENSION, value = "INVALID_PAGE OTHER_STORE")
    @GET
    @RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER}) // a store's manager: their own store's, by store=
    @Operation(summary = "Held events, newest first: OPEN by default, ALL for every state")
    public List<QuarantineReview.HeldEvent> list(@QueryParam("state") @DefaultValue("OPEN") String state,
            @QueryParam("store") String store, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw Refusal.of(ErrorCode.INVALID_PAGE, "size", "page from 0, size from 1 to 500");
        }
        return review.list(state(state), store, page, size);
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_QUARANTINED")
    @GET
    @Path("/{eventId}")
    @Operation(summary = "One held event with its payload as the store sent it")
    public QuarantineReview.HeldEvent get(@PathParam("eventId") String eventId) {
        return review.find(eventId).orElseThrow(
                () -> Refusal.of(ErrorCode.NOT_QUARANTINED, "No event " + eventId + " is held in the quarantine."));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_QUARANTINED ALREADY_RESOLVED STILL_REFUSED")
    @POST
    @Path("/{eventId}/replay")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Read and store a held event again with HQ's current rules (409 if it still cannot be)")
    public QuarantineReview.HeldEvent replay(@PathParam("eventId") String eventId) {
        return review.replay(eventId, identity.getPrincipal().getName());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_QUARANTINED ALREADY_RESOLVED")
    @POST
    @Path("/{eventId}/dismiss")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Close a held event without storing it, with a note")
    public QuarantineReview.HeldEvent dismiss(@PathParam("eventId") String eventId, Dismissal dismissal) {
        if (dismissal == null) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "note", "A dismissal needs a note saying why.");
        }
        return review.dismiss(eventId, identity.getPrincipal().getName(), dismissal.note());
    }

    private static QuarantinedEvent.State state(String state) {
        if ("ALL".equals(state)) {
            return null;
        }
        return Arrays.stream(QuarantinedEvent.State.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> Refusal.of(ErrorCode.INVALID_FIELD, "state", "OPEN, REPLAYED, DISMISSED or ALL"));
    }
}
