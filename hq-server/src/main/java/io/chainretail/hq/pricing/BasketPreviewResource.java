package io.chainretail.hq.pricing;

import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** A basket priced at a store by HQ, as the till would price it (for promotion authoring and review). */
@Path("/api/pricing/preview")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class BasketPreviewResource {

    /**
     * @param localTime the store's local date and time, e.g. {@code 2026-12-24T18:30}; now when left out
     * @param memberTier the member's tier, or none for a customer without a card
     */
    public record Request(@NotBlank String store, LocalDateTime localTime, String memberTier, Set<String> coupons,
            @NotEmpty List<BasketPreview.@Valid @NotNull Line> lines) {
    }

    private final BasketPreview preview;

    public BasketPreviewResource(BasketPreview preview) {
        this.preview = preview;
    }

    /** Each line with its price and the promotions that changed it; 404 UNKNOWN_STORE / UNKNOWN_PRODUCT. */
    @Extension(name = Refuses.EXTENSION, value = "BODY_TOO_LARGE LENGTH_REQUIRED UNKNOWN_STORE UNKNOWN_PRODUCT "
            + "NO_PRICE WEIGHT_NEEDED UNKNOWN_MEMBER")
    @POST
    public PricedBasket price(@Valid @NotNull Request request) {
        return preview.price(request.store(), request.localTime(), request.memberTier(), request.coupons(),
                request.lines());
    }
}
