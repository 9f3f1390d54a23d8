package io.chainretail.core.web;

import io.chainretail.core.error.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * Keeps the API documentation honest: a refusal answered by an endpoint that does not name its code (see
 * {@link RefusalDocs}) is logged once per endpoint and code; with {@value #STRICT} set, as the tests set it,
 * it is answered as a 500 instead, so the test that provoked it fails where it happened.
 */
@Provider
public class RefusalDocsGuard implements ContainerResponseFilter {

    /** The setting that turns an undocumented refusal into a failure. */
    public static final String STRICT = "chainretail.refusal-docs.strict";

    private static final Logger LOG = Logger.getLogger(RefusalDocsGuard.class.getName());
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !(response.getEntity() instanceof Map<?, ?> body)
                || !(body.get("code") instanceof String name) || response.getStatus() < 400) {
            return;
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return; // a code relayed from another service that this build does not know; its docs are there
        }
        if (documented(method, code)) {
            return;
        }
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (ConfigProvider.getConfig().getOptionalValue(STRICT, Boolean.class).orElse(false)) {
            response.setStatus(500);
            response.setEntity(Map.of("code", "UNDOCUMENTED_REFUSAL", "message", where + " answered " + name
                    + ", which its Refuses extension does not name"));
        } else if (REPORTED.add(where + " " + name)) {
            LOG.warning(where + " answered " + name + ", which its API documentation does not name");
        }
    }

    /** Whether the method (or its class) names the code, or it is a body refusal of a method that takes input. */
    static boolean documented(Method method, ErrorCode code) {
        if (RefusalDocs.BODY.contains(code) && method.getParameterCount() > 0) {
            return true;
        }
        return names(method, code) || names(method.getDeclaringClass(), code);
    }

    private static boolean names(AnnotatedElement element, ErrorCode code) {
        for (Extension extension : element.getAnnotationsByType(Extension.class)) {
            if (Refuses.EXTENSION.equals(extension.name()) && Refuses.parse(extension.value()).contains(code)) {
                return true;
            }
        }
        return false;
    }
}
