package io.chainretail.agent.http;

import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.Refusal;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals reach the till or console as a status, a code and a sentence someone can act on. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return Response.status(e.kind().httpStatus()).entity(e.body()).build();
    }

    /** A record that checks itself (a price override, a payload) refused a field: 400 naming it. */
    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return refused(Refusal.badField("INVALID_FIELD", e.field(), e.reason()));
    }
}
