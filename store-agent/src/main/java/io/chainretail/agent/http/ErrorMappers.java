package io.chainretail.agent.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.web.BodyRefusals;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
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

    /** Quarkus REST reports a body it could not read as a 400 carrying Jackson's exception as the cause. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return refused(BodyRefusals.unreadable(e));
    }

    // Quarkus has mappers of its own for these, without our {code, message}; the most specific type wins.
    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        return refused(BodyRefusals.unreadable(e));
    }

    @ServerExceptionMapper
    public Response unreadableBody(MismatchedInputException e) {
        return refused(BodyRefusals.unreadable(e));
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonParseException e) {
        return refused(BodyRefusals.unreadable(e));
    }

    /** Bean Validation on a request: 400 naming the first field that breaks its rule. */
    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        return refused(BodyRefusals.violated(e.getConstraintViolations()));
    }
}
