package io.chainretail.hq;

import io.chainretail.core.error.Refusal;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Business rule violations become a status, a machine-readable code and a sentence someone can act on. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return Response.status(e.kind().httpStatus()).entity(e.body()).build();
    }
}
