package io.chainretail.pos;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.RefusalMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Tells the cashier, in words, when the store agent is out of reach. Every other refusal is answered as in
 * every application ({@link RefusalMappers} in retail-core).
 */
public class PosErrors {

    @ServerExceptionMapper
    public Response unreachable(AgentClient.AgentUnreachableException e) {
        return RefusalMappers.response(Refusal.of(ErrorCode.STORE_SERVER_UNREACHABLE, e.getMessage()));
    }
}
