package io.chainretail.agent.replica;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Price check: what the replica says a barcode sells for. */
@Path("/api/products/by-barcode/{barcode}")
public class ProductLookupResource {

    private final Catalog catalog;

    public ProductLookupResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public Catalog.Item get(@PathParam("barcode") String barcode) {
        return catalog.byBarcode(barcode).orElseThrow(() -> new NotFoundException("no product " + barcode));
    }
}
