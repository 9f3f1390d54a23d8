package io.chainretail.pos;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.RefusalMappers;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;

/**
 * Every lane API call but reading the lane's state, pairing the lane and signing in must come from the
 * browser that signed in ({@link BrowserSession}), and a call that changes anything must not come from
 * another site's page (its Origin, when the browser sends one, is this till's own). Anything else on the
 * machine or the network that reaches the till's port can no longer act as the cashier.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionGuard implements ContainerRequestFilter {

    /**
     * What a browser without the session may call: the page needs them to pair the lane and sign in, and the
     * customer's second screen shows what faces the customer anyway (lines and totals, nothing of the member).
     */
    private static final Set<String> OPEN = Set.of("GET /api/state", "POST /api/signin", "POST /api/pair",
            "GET /api/customer", "GET /api/customer/events");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final LaneState lane;

    public SessionGuard(LaneState lane) {
        this.lane = lane;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String method = request.getMethod();
        if (!SAFE_METHODS.contains(method) && crossSite(request)) {
            request.abortWith(RefusalMappers.response(Refusal.of(ErrorCode.CROSS_SITE,
                    "This till takes changes only from its own page.")));
            return;
        }
        String path = "/" + uri.getPath().replaceAll("^/+|/+$", "");
        if (OPEN.contains(method + " " + path)) {
            return;
        }
        if (!lane.heldBy(BrowserSession.valueOf(request.getCookies(), uri))) {
            request.abortWith(RefusalMappers.response(Refusal.of(ErrorCode.SIGNED_OUT,
                    "Sign in at this lane first.")));
        }
    }

    /** A browser names the page a request comes from: refuse one from any other origin. */
    static boolean crossSite(ContainerRequestContext request) {
        if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        URI own = request.getUriInfo().getRequestUri();
        try {
            URI from = URI.create(origin);
            return !(own.getScheme().equalsIgnoreCase(from.getScheme())
                    && own.getHost().equalsIgnoreCase(from.getHost()) && own.getPort() == from.getPort());
        } catch (IllegalArgumentException | NullPointerException e) {
            return true;
        }
    }
}
