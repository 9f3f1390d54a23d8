package io.chainretail.hq.http;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.hq.HqConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How large a request body each endpoint takes, checked from its {@code Content-Length} before a byte of it
 * is read: kilobytes for signing in (which anyone may call), {@code hq.http.max-import-bytes} for the CSV
 * imports, {@code hq.http.max-body-bytes} for everything else. A body too large is 413; a body sent without
 * a length (chunked) is 411, except to the imports, which the server-wide limit
 * ({@code quarkus.http.limits.max-body-size}) still bounds.
 */
@ApplicationScoped
public class BodyLimits {

    /** A sign-in is a user name and a password. */
    static final long SIGN_IN_BYTES = 16 * 1024;

    private final HqConfig config;

    public BodyLimits(HqConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 100);
    }

    void limit(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        boolean importing = path.startsWith("/api/import/");
        long limit = path.startsWith("/api/auth/") ? SIGN_IN_BYTES
                : importing ? config.http().maxImportBytes() : config.http().maxBodyBytes();
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (!importing && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                refuse(context, ErrorCode.LENGTH_REQUIRED, "Send the body with a Content-Length.");
                return;
            }
        } else if (parse(length) > limit) {
            refuse(context, ErrorCode.BODY_TOO_LARGE, "The body is " + length + " bytes; this endpoint takes at most "
                    + limit + ".");
            return;
        }
        context.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext context, ErrorCode code, String message) {
        context.response().setStatusCode(code.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("code", code.name()).put("message", message).encode());
    }
}
