package io.chainretail.agent.manager;

import io.chainretail.agent.replica.PriceOverride;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.error.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.List;

/**
 * The store manager's console API: sign in with a manager's id and PIN for a bearer token, then set the
 * store's own prices inside HQ's bounds. (Stock, reports and local promotions follow, issue 6.)
 */
@Path("/api/manager")
public class ManagerResource {

    public record SignIn(@NotBlank String id, @NotBlank String pin) {
    }

    public record SignedIn(String token, String manager) {
    }

    /** A store price; the window is optional at both ends. */
    public record PriceInput(@NotNull Long priceMinor, Instant validFrom, Instant validTo) {
    }

    private final TillSessions sessions;
    private final PriceOverrides overrides;

    public ManagerResource(TillSessions sessions, PriceOverrides overrides) {
        this.sessions = sessions;
        this.overrides = overrides;
    }

    /** 401 BAD_CREDENTIALS or PIN_LOCKED; 403 NOT_A_MANAGER for a cashier. */
    @POST
    @Path("/signin")
    public SignedIn signIn(@Valid SignIn request) {
        TillSessions.Session session = sessions.signIn(request.id(), request.pin(), "console")
                .orElseThrow(() -> Refusal.unauthorized("BAD_CREDENTIALS", "Manager id or PIN is wrong."));
        if (!TillSessions.MANAGER.equals(session.role())) {
            sessions.signOut(session.token());
            throw Refusal.forbidden("NOT_A_MANAGER", "Only a store manager can use the manager console.");
        }
        return new SignedIn(session.token(), session.cashier());
    }

    @GET
    @Path("/prices")
    @ManagerOnly
    public List<PriceOverride> prices() {
        return overrides.all();
    }

    /** 400 PRICE_OUT_OF_BOUNDS with the bound in words; 404 UNKNOWN_PRODUCT. */
    @PUT
    @Path("/prices/{sku}")
    @ManagerOnly
    public PriceOverride setPrice(@Context ContainerRequestContext request, @PathParam("sku") String sku,
            @Valid @NotNull PriceInput input) {
        return overrides.set(sku, input.priceMinor(), input.validFrom(), input.validTo(), manager(request));
    }

    @DELETE
    @Path("/prices/{sku}")
    @ManagerOnly
    public void removePrice(@Context ContainerRequestContext request, @PathParam("sku") String sku) {
        overrides.remove(sku, manager(request));
    }

    /** The manager {@link ManagerGate} let through. */
    static String manager(ContainerRequestContext request) {
        return (String) request.getProperty(ManagerGate.MANAGER);
    }
}
