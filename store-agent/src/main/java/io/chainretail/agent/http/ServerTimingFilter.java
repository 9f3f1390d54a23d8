package io.chainretail.agent.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds the request's {@link ServerTiming} to its response. */
public class ServerTimingFilter {

    private final ServerTiming timing;

    public ServerTimingFilter(ServerTiming timing) {
        this.timing = timing;
    }

    @ServerResponseFilter
    public void addHeader(ContainerResponseContext response) {
        String header = timing.header();
        if (!header.isEmpty()) {
            response.getHeaders().add("Server-Timing", header);
        }
    }
}
