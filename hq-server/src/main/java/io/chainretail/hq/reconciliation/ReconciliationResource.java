package io.chainretail.hq.reconciliation;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Per store and business day: Z reports against receipts, receipt and journal gaps. */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class ReconciliationResource {

    private final ReconciliationService reconciliation;

    public ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** @param day the store-local business day, e.g. {@code 2026-11-22} */
    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE UNKNOWN_STORE INVALID_DAY")
    @GET
    @Path("/stores/{store}/reconciliation/{day}")
    public DayReconciliation day(@PathParam("store") String store, @PathParam("day") LocalDate day) {
        return reconciliation.day(store, day);
    }
}
