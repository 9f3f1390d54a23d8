package io.chainretail.agent.manager;

import io.chainretail.agent.till.TillSessions;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Lets a {@link ManagerOnly} request through only with a live manager session; the manager's id goes along. */
@Provider
@ManagerOnly
public class ManagerGate implements ContainerRequestFilter {

    /** The request property holding the signed-in manager's id. */
    public static final String MANAGER = "manager";

    private final TillSessions sessions;

    public ManagerGate(TillSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                : null;
        TillSessions.Session session = sessions.find(token).orElseThrow(() -> Refusal.of(
                ErrorCode.NOT_SIGNED_IN, "Sign in to the manager console first."));
        if (!TillSessions.MANAGER.equals(session.role())) {
            throw Refusal.of(ErrorCode.NOT_A_MANAGER, "Only a store manager can do this.");
        }
        request.setProperty(MANAGER, session.cashier());
    }
}
