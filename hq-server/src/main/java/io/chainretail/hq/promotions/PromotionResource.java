package io.chainretail.hq.promotions;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.hq.masterdata.References;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Chain, regional and store promotions (the types and stacking model of docs/promotions.md). */
@Path("/api/promotions")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class PromotionResource {

    private final PromotionService promotions;

    public PromotionResource(PromotionService promotions) {
        this.promotions = promotions;
    }

    @GET
    public List<Promotion> list() {
        return promotions.list();
    }

    @Extension(name = Refuses.EXTENSION, value = "NO_PROMOTION")
    @GET
    @Path("/{code}")
    public Promotion get(@PathParam("code") String code) {
        return promotions.find(code).orElseThrow(() -> Refusal.of(ErrorCode.NO_PROMOTION, "no promotion " + code));
    }

    /** Creates or replaces the promotion; the answer carries the version HQ gave it. */
    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_REGION UNKNOWN_STORE UNKNOWN_PRODUCT UNKNOWN_CATEGORY UNKNOWN_BRAND")
    @PUT
    @Path("/{code}")
    public Promotion save(@PathParam("code") String code, Promotion promotion) {
        References.requireSameKey(code, promotion.code(), "code");
        return promotions.save(promotion);
    }
}
