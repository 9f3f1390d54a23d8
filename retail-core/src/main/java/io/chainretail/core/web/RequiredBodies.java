package io.chainretail.core.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * An operation that reads a body gets one: an empty body or a JSON {@code null} is refused (400
 * {@code BODY_REQUIRED}) before the operation runs, instead of reaching it as null. A JAX-RS provider each
 * application finds by indexing retail-core.
 */
@Provider
public class RequiredBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw BodyRefusals.required();
        }
        return body;
    }
}
