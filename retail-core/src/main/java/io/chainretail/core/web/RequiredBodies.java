package io.chainretail.core.web;

import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * An operation that reads a body gets one: an empty body or a JSON {@code null} is refused (400
 * {@code BODY_REQUIRED}) before the operation runs, instead of reaching it as null. Each application calls
 * this from a {@code ReaderInterceptor} of its own (Quarkus finds providers in the application's classes).
 */
public final class RequiredBodies {

    private RequiredBodies() {
    }

    public static Object read(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw BodyRefusals.required();
        }
        return body;
    }
}
