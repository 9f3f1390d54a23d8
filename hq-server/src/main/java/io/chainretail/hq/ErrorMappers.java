package io.chainretail.hq;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.error.RootCause;
import io.chainretail.core.web.RefusalMappers;
import io.chainretail.hq.csv.CsvRefusal;
import io.chainretail.hq.jdbc.SqlFailures;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * HQ's own refusals, beside the ones every application shares ({@link RefusalMappers} in retail-core): a
 * refused CSV import with every problem, and a value the database refused.
 */
public class ErrorMappers {

    /** A refused import: how many problems, and each with its line, column and reason. */
    @ServerExceptionMapper
    public Response csvRefused(CsvRefusal e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", ErrorCode.CSV_REJECTED.name());
        body.put("message", e.getMessage());
        body.put("problemCount", e.problems().count());
        body.put("problems", e.problems().list());
        return Response.status(ErrorCode.CSV_REJECTED.httpStatus()).entity(body).build();
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

    private static Response storageRefusal(RuntimeException e) {
        if (SqlFailures.isDataError(e)) {
            return RefusalMappers.response(Refusal.of(ErrorCode.VALUE_NOT_STORABLE, null,
                    "A value is too long or out of range: " + RootCause.message(e)));
        }
        if (SqlFailures.isConstraintViolation(e)) {
            return RefusalMappers.response(Refusal.of(ErrorCode.CONFLICT, "It clashes with what is stored: "
                    + RootCause.message(e)));
        }
        throw e;
    }
}
