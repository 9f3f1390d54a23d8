package io.chainretail.agent.manager;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.replica.PriceOverride;
import io.chainretail.agent.shift.ShiftReports;
import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The store manager's console API: sign in with a manager's id and PIN for a bearer token, then set the
 * store's own prices inside HQ's bounds and read the day's shift reports. (Stock is {@code /api/stock}.)
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
    private final ShiftReports shifts;
    private final StoreAuditTrail audit;
    private final Catalog catalog;

    public ManagerResource(TillSessions sessions, PriceOverrides overrides, ShiftReports shifts,
            StoreAuditTrail audit, Catalog catalog) {
        this.sessions = sessions;
        this.overrides = overrides;
        this.shifts = shifts;
        this.audit = audit;
        this.catalog = catalog;
    }

    /** 401 BAD_CREDENTIALS or PIN_LOCKED; 403 NOT_A_MANAGER for a cashier. */
    @Extension(name = Refuses.EXTENSION, value = "BAD_CREDENTIALS PIN_LOCKED NOT_A_MANAGER")
    @POST
    @Path("/signin")
    public SignedIn signIn(@Valid SignIn request) {
        TillSessions.Session session = sessions.signIn(request.id(), request.pin(), TillSessions.CONSOLE)
                .orElseThrow(() -> Refusal.of(ErrorCode.BAD_CREDENTIALS, "Manager id or PIN is wrong."));
        if (!TillSessions.MANAGER.equals(session.role())) {
            sessions.signOut(session.token());
            throw Refusal.of(ErrorCode.NOT_A_MANAGER, "Only a store manager can use the manager console.");
        }
        return new SignedIn(session.token(), session.cashier());
    }

    /** The store as its console shows it: code, time zone (times are shown in it) and currency. */
    public record StoreFacts(String code, String zone, String currency) {
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER STORE_NOT_SYNCED")
    @GET
    @Path("/store")
    @ManagerOnly
    public StoreFacts store() {
        Catalog.StoreInfo store = catalog.store();
        return new StoreFacts(store.code(), store.zone().getId(), store.currency());
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    @Path("/prices")
    @ManagerOnly
    public List<PriceOverride> prices() {
        return overrides.all();
    }

    /** The product's name, HQ's price, the store's own and the range HQ allows now; 404 UNKNOWN_PRODUCT. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_PRODUCT NO_PRICE "
            + "STORE_NOT_SYNCED")
    @GET
    @Path("/prices/{sku}")
    @ManagerOnly
    public PriceOverrides.Allowed allowedPrice(@PathParam("sku") String sku) {
        return overrides.allowed(sku);
    }

    /** 400 PRICE_OUT_OF_BOUNDS with the bound in words (amounts as typed, e.g. 1.50); 404 UNKNOWN_PRODUCT. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER UNKNOWN_PRODUCT NO_PRICE "
            + "PRICE_OUT_OF_BOUNDS STORE_NOT_SYNCED")
    @PUT
    @Path("/prices/{sku}")
    @ManagerOnly
    public PriceOverride setPrice(@Context ContainerRequestContext request, @PathParam("sku") String sku,
            @Valid @NotNull PriceInput input) {
        return overrides.set(sku, input.priceMinor(), input.validFrom(), input.validTo(), manager(request));
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER NO_OVERRIDE")
    @DELETE
    @Path("/prices/{sku}")
    @ManagerOnly
    public void removePrice(@Context ContainerRequestContext request, @PathParam("sku") String sku) {
        overrides.remove(sku, manager(request));
    }

    /**
     * The shifts of a business day ({@code day=2026-11-30}, default today, in the store's time zone) with
     * their X figures (open) or Z reports (closed), and the day's totals. 422 INVALID_DAY.
     */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER INVALID_DAY STORE_NOT_SYNCED")
    @GET
    @Path("/shifts")
    @ManagerOnly
    public ShiftReports.DayReport shifts(@QueryParam("day") String day) {
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? LocalDate.now(catalog.store().zone()) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw Refusal.of(ErrorCode.INVALID_DAY, "A day is written 2026-11-30, not '" + day + "'.");
        }
        return shifts.day(date);
    }

    /** Who did what that needed a manager here, newest first (at most {@code limit}, default 100). */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    @Path("/audit")
    @ManagerOnly
    public List<StoreAuditTrail.Act> audit(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.latest(limit);
    }

    /** The manager {@link ManagerGate} let through. */
    static String manager(ContainerRequestContext request) {
        return (String) request.getProperty(ManagerGate.MANAGER);
    }
}
