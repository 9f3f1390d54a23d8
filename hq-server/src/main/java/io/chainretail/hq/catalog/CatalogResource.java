package io.chainretail.hq.catalog;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.sync.payload.BrandChange;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.hq.masterdata.References;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Tax classes, categories and brands; PUT creates or replaces by code. */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class CatalogResource {

    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/tax-classes")
    public List<TaxClassChange> taxClasses() {
        return catalog.taxClasses();
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH")
    @PUT
    @Path("/tax-classes/{code}")
    public TaxClassChange saveTaxClass(@PathParam("code") String code, TaxClassChange taxClass) {
        References.requireSameKey(code, taxClass.code(), "code");
        return catalog.save(taxClass);
    }

    @GET
    @Path("/categories")
    public List<CategoryChange> categories() {
        return catalog.categories();
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_CATEGORY CATEGORY_CYCLE")
    @PUT
    @Path("/categories/{code}")
    public CategoryChange saveCategory(@PathParam("code") String code, CategoryChange category) {
        References.requireSameKey(code, category.code(), "code");
        return catalog.save(category);
    }

    @GET
    @Path("/brands")
    public List<BrandChange> brands() {
        return catalog.brands();
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH")
    @PUT
    @Path("/brands/{code}")
    public BrandChange saveBrand(@PathParam("code") String code, BrandChange brand) {
        References.requireSameKey(code, brand.code(), "code");
        return catalog.save(brand);
    }
}
