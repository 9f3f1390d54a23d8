package io.chainretail.hq.stock;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** A store's manual stock movements: goods received, counts, damage and shrink, newest first. */
@Path("/api/stores/{store}/stock-adjustments")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class StockAdjustmentResource {

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE INVALID_PAGE")
    @GET
    @Transactional
    public List<StoreStockAdjustment> list(@PathParam("store") String store,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return StoreStockAdjustment.<StoreStockAdjustment>find("storeCode = ?1 order by movedAt desc", store)
                .page(page, size).list();
    }
}
