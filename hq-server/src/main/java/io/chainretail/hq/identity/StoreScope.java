package io.chainretail.hq.identity;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * A store manager (or cashier) sees and changes only their own store: on every endpoint that takes a
 * store, as a {@code {store}} path parameter or a {@code store} query parameter, a store-bound user
 * naming another store, or none, is refused with 403 OTHER_STORE. HQ users see every store. Enforced
 * here, once, for every such endpoint, present and future (StoreScopeTest walks the OpenAPI document), but the
 * customers' shop, which is open to anyone.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class StoreScope implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    private final SecurityIdentity identity;

    public StoreScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String own = identity.isAnonymous() ? null : identity.getAttribute(BearerTokenMechanism.STORE);
        if (own == null || !takesAStore(resource.getResourceMethod()) || isPublic(resource.getResourceClass())) {
            return;
        }
        String asked = request.getUriInfo().getPathParameters().getFirst("store");
        if (asked == null) {
            asked = request.getUriInfo().getQueryParameters().getFirst("store");
        }
        if (!own.equals(asked)) {
            throw Refusal.of(ErrorCode.OTHER_STORE, "You can see and change store " + own + "'s data only"
                    + (asked == null ? "; name it with store=" + own + "." : ", not store " + asked + "."));
        }
    }

    /** Open to anyone (the customers' shop): a store's people use it as customers do. */
    private static boolean isPublic(Class<?> resourceClass) {
        return resourceClass != null && resourceClass.isAnnotationPresent(PermitAll.class);
    }

    static boolean takesAStore(Method method) {
        if (method == null) {
            return false;
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam path && "store".equals(path.value())
                        || annotation instanceof QueryParam query && "store".equals(query.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
