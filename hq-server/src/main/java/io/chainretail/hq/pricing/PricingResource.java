package io.chainretail.hq.pricing;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.PriceBounds;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.TierPrice;
import io.chainretail.hq.masterdata.References;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Prices beyond the chain price: per region, per member tier, and the bounds of store overrides. */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class PricingResource {

    private final PricingService pricing;

    public PricingResource(PricingService pricing) {
        this.pricing = pricing;
    }

    @GET
    @Path("/products/{sku}/regional-prices")
    public List<RegionalPrice> regional(@PathParam("sku") String sku) {
        return pricing.regional(sku);
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "UNKNOWN_PRODUCT UNKNOWN_REGION")
    @PUT
    @Path("/products/{sku}/regional-prices/{region}")
    public RegionalPrice setRegional(@PathParam("sku") String sku, @PathParam("region") String region,
            PriceInput price) {
        return pricing.setRegional(sku, region, price);
    }

    @Extension(name = Refuses.EXTENSION, value = "NO_REGIONAL_PRICE")
    @DELETE
    @Path("/products/{sku}/regional-prices/{region}")
    public void removeRegional(@PathParam("sku") String sku, @PathParam("region") String region) {
        pricing.removeRegional(sku, region);
    }

    @GET
    @Path("/products/{sku}/tier-prices")
    public List<TierPrice> tiers(@PathParam("sku") String sku) {
        return pricing.tiers(sku);
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "UNKNOWN_PRODUCT UNKNOWN_MEMBER_TIER")
    @PUT
    @Path("/products/{sku}/tier-prices/{tier}")
    public TierPrice setTier(@PathParam("sku") String sku, @PathParam("tier") String tier, PriceInput price) {
        return pricing.setTier(sku, tier, price);
    }

    @Extension(name = Refuses.EXTENSION, value = "NO_TIER_PRICE")
    @DELETE
    @Path("/products/{sku}/tier-prices/{tier}")
    public void removeTier(@PathParam("sku") String sku, @PathParam("tier") String tier) {
        pricing.removeTier(sku, tier);
    }

    @Extension(name = Refuses.EXTENSION, value = "MISSING_PARAMETER")
    @GET
    @Path("/price-bounds")
    public List<PriceBounds> bounds(@QueryParam("sku") String sku) {
        if (sku == null) {
            throw Refusal.of(ErrorCode.MISSING_PARAMETER, "sku", "give the product, e.g. ?sku=D00001");
        }
        return pricing.bounds(sku);
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_PRODUCT UNKNOWN_STORE")
    @PUT
    @Path("/price-bounds/{id}")
    public PriceBounds setBounds(@PathParam("id") String id, PriceBounds bounds) {
        References.requireSameKey(id, bounds.id(), "id");
        return pricing.setBounds(bounds);
    }

    @Extension(name = Refuses.EXTENSION, value = "NO_PRICE_BOUNDS")
    @DELETE
    @Path("/price-bounds/{id}")
    public void removeBounds(@PathParam("id") String id) {
        pricing.removeBounds(id);
    }
}
