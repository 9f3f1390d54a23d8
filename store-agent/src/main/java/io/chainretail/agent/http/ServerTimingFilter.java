package io.chainretail.agent.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds the request's {@link ServerTiming} to its response, with {@code request}: from the request's
 * arrival at the REST layer to its response (what the till waits for, less parsing the request line and
 * writing the response).
 */
public class ServerTimingFilter {

    private final ServerTiming timing;

    public ServerTimingFilter(ServerTiming timing) {
        this.timing = timing;
    }

    @ServerRequestFilter(preMatching = true)
    public void start() {
        timing.requestStarted();
    }

    @ServerResponseFilter
    public void addHeader(ContainerResponseContext response) {
        String header = timing.header();
        if (!header.isEmpty()) {
            response.getHeaders().add("Server-Timing", header);
        }
    }
}
