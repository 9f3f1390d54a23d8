package io.chainretail.hq.orders;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import io.chainretail.hq.store.Store;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Where a store is and how far it delivers online orders: what routing a delivery order reads. HQ sets it, or the
 * store's manager for their own store.
 */
@Path("/api/stores/{store}/delivery-area")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class DeliveryAreaResource {

    /**
     * The store's place in degrees and its delivery radius in metres ({@code null}: it does not deliver, though
     * customers can still collect there).
     */
    public record DeliveryArea(@NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @Min(0) @Max(200_000) Integer radiusMetres) {
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE UNKNOWN_STORE")
    @GET
    @Transactional
    public DeliveryArea get(@PathParam("store") String store) {
        Store found = store(store);
        return found.latitudeE6 == null ? null : new DeliveryArea(Degrees.of(found.latitudeE6),
                Degrees.of(found.longitudeE6), found.deliveryRadiusM);
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE UNKNOWN_STORE BODY_TOO_LARGE LENGTH_REQUIRED")
    @PUT
    @Transactional
    public DeliveryArea set(@PathParam("store") String store, @Valid @NotNull DeliveryArea area) {
        Store found = store(store);
        found.latitudeE6 = Degrees.e6(area.latitude());
        found.longitudeE6 = Degrees.e6(area.longitude());
        found.deliveryRadiusM = area.radiusMetres();
        return area;
    }

    private static Store store(String code) {
        Store store = Store.findById(code);
        if (store == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_STORE, "There is no store " + code + ".");
        }
        return store;
    }
}
