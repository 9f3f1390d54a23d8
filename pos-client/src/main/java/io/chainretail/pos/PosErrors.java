package io.chainretail.pos;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Tells the cashier, in words, when the store agent is out of reach. Every other refusal is answered as in
 * every application ({@code RefusalMappers} in retail-core).
 */
public class PosErrors {

    @ServerExceptionMapper
    public Response unreachable(AgentClient.AgentUnreachableException e) {
        return Response.status(503).entity(Map.of("code", "STORE_SERVER_UNREACHABLE", "message", e.getMessage()))
                .build();
    }
}
