package io.chainretail.hq.syncstatus;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.Refuses;
import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Per store and feed: online or not, last seen, applied sequence and lag in changes and seconds. */
@Path("/api/sync/stores")
@RolesAllowed({Role.ADMIN, Role.STAFF, Role.MANAGER})
public class SyncStatusResource {

    private final StoreSyncService service;

    public SyncStatusResource(StoreSyncService service) {
        this.service = service;
    }

    /** Every store: for HQ. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.STAFF})
    public List<StoreSyncStatus> all() {
        return service.all();
    }

    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE UNKNOWN_STORE")
    @GET
    @Path("/{store}")
    public StoreSyncStatus one(@PathParam("store") String store) {
        return service.of(store).orElseThrow(() -> unknown(store));
    }

    /**
     * Is the store's replica identical to HQ? Compares the replica hash per feed the store last
     * reported (every few seconds once a feed is quiet) with HQ's at its current sequence.
     */
    @Extension(name = Refuses.EXTENSION, value = "OTHER_STORE UNKNOWN_STORE")
    @GET
    @Path("/{store}/replica")
    public ReplicaCheck replica(@PathParam("store") String store) {
        return service.check(store).orElseThrow(() -> unknown(store));
    }

    private static Refusal unknown(String store) {
        return Refusal.of(ErrorCode.UNKNOWN_STORE, "There is no store " + store + ".");
    }
}
