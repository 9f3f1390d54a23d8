package io.chainretail.hq.promotions;

import io.chainretail.core.sync.payload.LocalPromotionChanged;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;


/**
 * The promotions a store runs on its own, within the depth HQ allows it: the latest report of each, as
 * the store sent them (kept in {@code store_event}), ended ones left out.
 */
@Path("/api/stores/{store}/local-promotions")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class StoreLocalPromotionResource {

    private final StoreLocalPromotions promotions;

    public StoreLocalPromotionResource(StoreLocalPromotions promotions) {
        this.promotions = promotions;
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE")
    @GET
    @Transactional
    public List<LocalPromotionChanged> running(@PathParam("store") String store) {
        return promotions.running(store);
    }
}
