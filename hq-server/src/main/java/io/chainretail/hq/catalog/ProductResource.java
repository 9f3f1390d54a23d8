package io.chainretail.hq.catalog;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.hq.masterdata.References;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The catalog API: products with their barcodes and chain price.
 *
 * <p>Every resource sits at "/api" with full paths on its methods: JAX-RS picks one class by its path
 * before looking at methods, so a class at "/api/products" would hide "/api/products/{sku}/regional-prices".
 */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @Extension(name = Refuses.EXTENSION, value = "INVALID_PAGE")
    @GET
    @Path("/products")
    public List<ProductView> list(@QueryParam("q") String search,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return search == null || search.isBlank() ? products.page(page, size) : products.search(search, page, size);
    }

    @Extension(name = Refuses.EXTENSION, value = "UNKNOWN_PRODUCT")
    @GET
    @Path("/products/{sku}")
    public ProductView get(@PathParam("sku") String sku) {
        return products.find(sku).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_PRODUCT, "There is no product " + sku
                + "."));
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "SKU_EXISTS UNKNOWN_TAX_CLASS UNKNOWN_CATEGORY UNKNOWN_BRAND BARCODE_IN_USE PLU_IN_USE")
    @POST
    @Path("/products")
    public ProductView create(ProductInput input) {
        return products.create(input);
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_TAX_CLASS UNKNOWN_CATEGORY UNKNOWN_BRAND BARCODE_IN_USE PLU_IN_USE")
    @PUT
    @Path("/products/{sku}")
    public ProductView replace(@PathParam("sku") String sku, ProductInput input) {
        References.requireSameKey(sku, input.sku(), "sku");
        return products.save(input);
    }
}
