package io.chainretail.pos;

import io.chainretail.core.web.RequiredBodies;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/** An empty or null body where an operation reads one is a 400, not a null reaching the operation. */
@Provider
public class RequiredBodiesProvider implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        return RequiredBodies.read(context);
    }
}
