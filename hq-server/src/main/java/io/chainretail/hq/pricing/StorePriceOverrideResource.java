package io.chainretail.hq.pricing;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** What a store charges on its own: its manager's price overrides, as the store reported them. */
@Path("/api/stores/{store}/price-overrides")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class StorePriceOverrideResource {

    public record Override(String sku, long priceMinor, String currency, Instant validFrom, Instant validTo,
            String setBy, Instant setAt) {
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE")
    @GET
    @Transactional
    public List<Override> list(@PathParam("store") String store) {
        return StorePriceOverride.<StorePriceOverride>list("key.store = ?1 order by key.sku", store).stream()
                .map(o -> new Override(o.key.sku(), o.priceMinor, o.currency, o.validFrom, o.validTo, o.setBy,
                        o.setAt)).toList();
    }
}
