package io.chainretail.agent.checkout;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals reach the till as a status, a code and a sentence the cashier can act on. */
public class CheckoutErrors {

    @ServerExceptionMapper
    public Response refused(CheckoutException e) {
        return Response.status(e.status()).entity(Map.of("code", e.code(), "message", e.getMessage())).build();
    }
}
