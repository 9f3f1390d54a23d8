package io.chainretail.hq;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.error.RootCause;
import io.chainretail.core.web.BodyRefusals;
import io.chainretail.hq.csv.CsvRefusal;
import io.chainretail.hq.jdbc.SqlFailures;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals become a status, a machine-readable code and a sentence someone can act on; a field that
 * breaks its rule, whether found in the service or while reading the body, is a 400 naming the field.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return Response.status(e.kind().httpStatus()).entity(e.body()).build();
    }

    /** A refused import: how many problems, and each with its line, column and reason. */
    @ServerExceptionMapper
    public Response csvRefused(CsvRefusal e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "CSV_REJECTED");
        body.put("message", e.getMessage());
        body.put("problemCount", e.problems().count());
        body.put("problems", e.problems().list());
        return Response.status(400).entity(body).build();
    }

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

    /**
     * A value the database refused as it committed: what no check before it caught. A value it cannot hold
     * (SQL state class 22: too long, out of range) is the caller's 400, a unique key the caller's 409;
     * anything else stays a 500.
     */
    @ServerExceptionMapper
    public Response storage(ArcUndeclaredThrowableException e) {
        return storageRefusal(e);
    }

    @ServerExceptionMapper
    public Response storage(PersistenceException e) {
        return storageRefusal(e);
    }

    private Response storageRefusal(RuntimeException e) {
        if (SqlFailures.isDataError(e)) {
            return refused(Refusal.badField("VALUE_NOT_STORABLE", null, "A value is too long or out of range: "
                    + RootCause.message(e)));
        }
        if (SqlFailures.isConstraintViolation(e)) {
            return refused(Refusal.conflict("CONFLICT", "It clashes with what is stored: " + RootCause.message(e)));
        }
        throw e;
    }

    /** Bean Validation on a request: 400 naming the first field that breaks its rule. */
    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        return refused(BodyRefusals.violated(e.getConstraintViolations()));
    }
}
