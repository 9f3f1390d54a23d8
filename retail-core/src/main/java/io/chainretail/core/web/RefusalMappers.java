package io.chainretail.core.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one way the three applications answer a refused request: a status, a machine-readable code, the field
 * when there is one, and a sentence someone can act on ({@link Refusal#body()}). Standard JAX-RS providers,
 * which each application finds by indexing retail-core ({@code quarkus.index-dependency.retail-core.*}).
 * Quarkus has mappers of its own for some of these exceptions (without our shape); a mapper for the exact
 * type is chosen over them.
 */
public final class RefusalMappers {

    private RefusalMappers() {
    }

    /** The response for a refusal. */
    public static Response response(Refusal refusal) {
        return Response.status(refusal.code().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(refusal.body()).build();
    }

    @Provider
    public static final class Refused implements ExceptionMapper<Refusal> {
        @Override
        public Response toResponse(Refusal e) {
            return response(e);
        }
    }

    /** A record that checks itself refused a field, in a service: 400 naming it. */
    @Provider
    public static final class FieldRefused implements ExceptionMapper<InvalidField> {
        @Override
        public Response toResponse(InvalidField e) {
            return response(Refusal.of(ErrorCode.INVALID_FIELD, e.field(), e.reason()));
        }
    }

    /** Quarkus REST reports a body it could not read as a 400 carrying Jackson's exception as the cause. */
    @Provider
    public static final class UnreadableWrapped implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
                return response(BodyRefusals.unreadable(unreadable));
            }
            return e.getResponse();
        }
    }

    /*
     * One mapper per Jackson exception type, all alike: JAX-RS takes the mapper of the nearest type, and
     * Quarkus REST's Jackson support brings mappers of its own for some subtypes (MismatchedInputException
     * among them), which a mapper of the common supertype alone would not override.
     */
    @Provider
    public static final class Unreadable implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return response(BodyRefusals.unreadable(e));
        }
    }

    @Provider
    public static final class UnreadableMapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return response(BodyRefusals.unreadable(e));
        }
    }

    @Provider
    public static final class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return response(BodyRefusals.unreadable(e));
        }
    }

    @Provider
    public static final class Malformed implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return response(BodyRefusals.unreadable(e));
        }
    }

    /** Bean Validation on a request: 400 naming the first field that breaks its rule. */
    @Provider
    public static final class Violated implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return response(BodyRefusals.violated(e.getConstraintViolations()));
        }
    }
}
