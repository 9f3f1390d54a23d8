package io.chainretail.hq.audit;

import io.chainretail.hq.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The audit log, for HQ admins. */
@Path("/api/audit")
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    /** Newest first; {@code user} narrows it to one user's actions. */
    @GET
    public List<AuditEntry> recent(@QueryParam("user") String user,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
        return log.recent(user, limit);
    }
}
