package io.chainretail.hq.audit;

import io.chainretail.hq.identity.BearerTokenMechanism;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Audits every change made through the API: who (user, role, store), what (method and path), when, and
 * whether it was done or refused. Reads are not audited; sign-ins are, by {@link io.chainretail.hq.identity
 * .Identities}.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Set<String> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH);

    private final AuditLog log;
    private final SecurityIdentity identity;

    public AuditFilter(AuditLog log, SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!CHANGES.contains(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/auth/")) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        boolean anonymous = identity.isAnonymous();
        log.record(anonymous ? null : identity.getPrincipal().getName(),
                anonymous || identity.getRoles().isEmpty() ? null : identity.getRoles().iterator().next(),
                anonymous ? null : identity.getAttribute(BearerTokenMechanism.STORE), request.getMethod(),
                query == null ? path : path + "?" + query, response.getStatus());
    }
}
