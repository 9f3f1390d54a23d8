package io.chainretail.hq;

import io.chainretail.hq.catalog.CatalogException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Business rule violations become a status, a machine-readable code and a sentence someone can act on. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response catalog(CatalogException e) {
        return Response.status(e.status()).entity(Map.of("code", e.code(), "message", e.getMessage())).build();
    }
}
