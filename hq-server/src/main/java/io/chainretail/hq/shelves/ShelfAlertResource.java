package io.chainretail.hq.shelves;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.panache.common.Parameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Smart-shelf alerts across the chain, as the stores raised and cleared them. */
@Path("/api/shelf-alerts")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class ShelfAlertResource {

    /**
     * Alerts, newest first: of one store if {@code store} is given, only the open ones unless
     * {@code open=false}.
     */
    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE")
    @GET
    @Transactional
    public List<StoreShelfAlert> list(@QueryParam("store") String store,
            @QueryParam("open") @DefaultValue("true") boolean open) {
        // No "is null" on a bound parameter: PostgreSQL cannot type a null parameter.
        Parameters parameters = new Parameters();
        String where = open ? "clearedAt is null" : "1 = 1";
        if (store != null) {
            where += " and storeCode = :store";
            parameters.and("store", store);
        }
        return StoreShelfAlert.list(where + " order by raisedAt desc nulls last", parameters);
    }
}
