package io.chainretail.hq.store;

import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.hq.masterdata.References;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The stores of the chain and its regions. */
@Path("/api")
@RolesAllowed({Role.ADMIN, Role.STAFF})
public class StoreResource {

    /** A region as the API takes it. */
    public record RegionInput(String name) {
    }

    private final StoreService stores;

    public StoreResource(StoreService stores) {
        this.stores = stores;
    }

    @GET
    @Path("/stores")
    public List<StoreChange> list() {
        return stores.list();
    }

    /** Creates a store; 409 if the code is taken. */
    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "STORE_EXISTS UNKNOWN_REGION")
    @POST
    @Path("/stores")
    public Response create(StoreInput input) {
        return Response.status(201).entity(stores.create(input)).build();
    }

    /** Creates or replaces a store. */
    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH UNKNOWN_REGION")
    @PUT
    @Path("/stores/{code}")
    public StoreChange save(@PathParam("code") String code, StoreInput input) {
        References.requireSameKey(code, input.code(), "code");
        return stores.save(input.toRecord());
    }

    @GET
    @Path("/regions")
    public List<Region> regions() {
        return stores.regions();
    }

    @Extension(name = Refuses.EXTENSION, value = "VALUE_NOT_STORABLE CONFLICT BODY_TOO_LARGE LENGTH_REQUIRED "
            + "KEY_MISMATCH")
    @PUT
    @Path("/regions/{code}")
    public Region saveRegion(@PathParam("code") String code, RegionInput input) {
        return stores.saveRegion(code, input == null ? null : input.name());
    }
}
