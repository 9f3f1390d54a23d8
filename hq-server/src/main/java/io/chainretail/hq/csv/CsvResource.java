package io.chainretail.hq.csv;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Bulk import and export as CSV (UTF-8, header line first). An import is all or nothing: a file with
 * any bad row is refused with every problem by line, and nothing is stored.
 */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class CsvResource {

    private static final String CSV = "text/csv";

    private final ProductImport products;
    private final PriceImport prices;
    private final MemberImport members;
    private final CsvExport export;

    public CsvResource(ProductImport products, PriceImport prices, MemberImport members, CsvExport export) {
        this.products = products;
        this.prices = prices;
        this.members = members;
        this.export = export;
    }

    @Extension(name = Refuses.EXTENSION, value = "CSV_REJECTED BODY_TOO_LARGE")
    @POST
    @Path("/import/products")
    @Consumes({CSV, "text/plain"})
    public ImportResult importProducts(InputStream body, @HeaderParam("Content-Type") String type)
            throws IOException {
        return products.importCsv(CsvText.of(body, type));
    }

    @Extension(name = Refuses.EXTENSION, value = "CSV_REJECTED BODY_TOO_LARGE")
    @POST
    @Path("/import/prices")
    @Consumes({CSV, "text/plain"})
    public ImportResult importPrices(InputStream body, @HeaderParam("Content-Type") String type)
            throws IOException {
        return prices.importCsv(CsvText.of(body, type));
    }

    @Extension(name = Refuses.EXTENSION, value = "CSV_REJECTED BODY_TOO_LARGE")
    @POST
    @Path("/import/members")
    @Consumes({CSV, "text/plain"})
    public ImportResult importMembers(InputStream body, @HeaderParam("Content-Type") String type)
            throws IOException {
        return members.importCsv(CsvText.of(body, type));
    }

    @GET
    @Path("/export/products")
    @Produces(CSV + ";charset=UTF-8")
    public String exportProducts() {
        return export.products();
    }

    @GET
    @Path("/export/prices")
    @Produces(CSV + ";charset=UTF-8")
    public String exportPrices() {
        return export.prices();
    }

    @GET
    @Path("/export/members")
    @Produces(CSV + ";charset=UTF-8")
    public String exportMembers() {
        return export.members();
    }

}
