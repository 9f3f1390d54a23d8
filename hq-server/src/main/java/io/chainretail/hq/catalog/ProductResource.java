package io.chainretail.hq.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BadRequestException;
import java.util.List;

/** The catalog API: products with their barcodes and chain price. */
@Path("/api/products")
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @GET
    public List<ProductView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return products.page(page, size);
    }

    @GET
    @Path("/{sku}")
    public ProductView get(@PathParam("sku") String sku) {
        return products.find(sku).orElseThrow(() -> new NotFoundException("no product " + sku));
    }

    @POST
    public ProductView create(@Valid ProductInput input) {
        return products.save(input);
    }

    @PUT
    @Path("/{sku}")
    public ProductView replace(@PathParam("sku") String sku, @Valid ProductInput input) {
        if (!sku.equals(input.sku())) {
            throw new BadRequestException("the sku in the path and in the body differ");
        }
        return products.save(input);
    }
}
