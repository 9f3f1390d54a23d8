package io.chainretail.hq;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.Refusal;
import io.chainretail.hq.csv.CsvRefusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonMappingException unreadable) {
            return unreadableBody(unreadable);
        }
        return e.getResponse();
    }

    /**
     * A body Jackson could not read: if a record refused a value, its field is named with the path to
     * the record (e.g. {@code schedule.to}); otherwise the path of the bad value is.
     */
    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidField invalid) {
                String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
                return refused(Refusal.badField("INVALID_FIELD", field, invalid.reason()));
            }
        }
        String message = e.getOriginalMessage();
        return refused(Refusal.badField("UNREADABLE_BODY", path.isEmpty() ? null : path,
                message == null ? "the body is not the JSON this endpoint takes" : message.lines().findFirst()
                        .orElse(message)));
    }
}
