package io.chainretail.agent.replica;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.web.Refuses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Price check: what the replica says a barcode or PLU sells for here, now, to a non-member. */
@Path("/api/products/by-barcode/{barcode}")
public class ProductLookupResource {

    /** A product and its regular price (per kilogram for a weighed product). */
    public record PriceCheck(String sku, String name, long priceMinor, String currency, boolean weighed,
            PriceResolver.Source source) {
    }

    private final Catalog catalog;

    public ProductLookupResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @Extension(name = Refuses.EXTENSION, value = "INVALID_BARCODE UNKNOWN_BARCODE WEIGHT_NEEDED")
    @GET
    public PriceCheck get(@PathParam("barcode") String barcode) {
        Catalog.Item item = catalog.skuOf(barcode).flatMap(sku -> catalog.item(sku, null))
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.UNKNOWN_BARCODE, "No product " + barcode + " is on sale here."));
        PriceResolver.Resolved price = PriceResolver.resolve(item.prices(), catalog.store().code(), Instant.now())
                .orElseThrow();
        return new PriceCheck(item.sku(), item.name(), price.priceMinor(), item.currency(), item.weighed(),
                price.source());
    }
}
