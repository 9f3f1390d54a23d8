package io.chainretail.agent.manager;

import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.web.Refuses;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The store manager's own promotions, within HQ's limit (see {@link LocalPromotions}). */
@Path("/api/manager/promotions")
@ManagerOnly
public class LocalPromotionResource {

    private final LocalPromotions promotions;

    public LocalPromotionResource(LocalPromotions promotions) {
        this.promotions = promotions;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<Promotion> running() {
        return promotions.running();
    }

    /** Starts or changes promotion {@code code}; it runs as {@code L-<store>-<code>}. */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER LOCAL_PROMOTIONS_NOT_ALLOWED "
            + "OVER_LOCAL_LIMIT UNKNOWN_PRODUCT STORE_NOT_SYNCED")
    @PUT
    @Path("/{code}")
    public Promotion save(@Context ContainerRequestContext request, @PathParam("code") String code,
            @NotNull LocalPromotions.Input input) {
        return promotions.save(code, input, ManagerResource.manager(request));
    }

    /** Ends a running promotion, by its full code ({@code L-0001-...}). */
    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER NO_SUCH_PROMOTION")
    @DELETE
    @Path("/{code}")
    public void end(@Context ContainerRequestContext request, @PathParam("code") String code) {
        promotions.end(code, ManagerResource.manager(request));
    }
}
