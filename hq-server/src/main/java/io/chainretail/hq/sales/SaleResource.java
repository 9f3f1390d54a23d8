package io.chainretail.hq.sales;

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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The sales HQ has received, per store. */
@Path("/api/stores/{store}/sales")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class SaleResource {

    /** One sale as listed. */
    public record SaleSummary(String saleId, String eventId, String lane, long receiptNo, String cashier,
            long totalMinor, String currency, Instant completedAt) {
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE INVALID_PAGE")
    @GET
    @Transactional
    public List<SaleSummary> list(@PathParam("store") String store,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        // Ordered by the store too, so H2 reads a page off sale_store_completed instead of sorting all the
        // store's sales for each page (it uses an index's order only from the index's first column).
        return Sale.<Sale>find("storeCode = ?1 order by storeCode, completedAt, lane, receiptNo", store)
                .page(page, size).list().stream()
                .map(s -> new SaleSummary(s.saleId, s.eventId, s.lane, s.receiptNo, s.cashier, s.totalMinor,
                        s.currency, s.completedAt))
                .toList();
    }
}
