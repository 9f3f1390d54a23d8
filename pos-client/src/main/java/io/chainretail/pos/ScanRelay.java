package io.chainretail.pos;

import io.chainretail.core.till.TillApi;
import io.chainretail.core.till.TillCall;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Carries the lane scanner's scans from the store agent to the cashier page: while a cashier is signed
 * in, it listens to the agent's event stream for this lane (with the session token, which the page never
 * sees) and passes each event on to the page's own stream. Reconnects after a second when cut.
 */
@ApplicationScoped
public class ScanRelay {

    private static final Logger LOG = Logger.getLogger(ScanRelay.class);

    private final PosConfig config;
    private final LaneState lane;
    private final HttpClient http = HttpClient.newHttpClient();
    private final BroadcastProcessor<String> toPage = BroadcastProcessor.create();
    private volatile boolean running = true;

    public ScanRelay(PosConfig config, LaneState lane) {
        this.config = config;
        this.lane = lane;
    }

    void onStart(@Observes StartupEvent event) {
        Thread listener = new Thread(this::listen, "scan-relay");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    /**
     * The page's stream: one JSON object per scan, {@code {code, symbology}} or {@code {misread}}, in order.
     * A burst of scans comes faster than the page's SSE response asks for them: each page buffers its own.
     */
    public Multi<String> events() {
        return toPage.onOverflow().bufferUnconditionally();
    }

    private void listen() {
        while (running) {
            String token = lane.token();
            if (token == null) {
                pause(300);
                continue;
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(config.agentUrl() + TillCall.EVENTS.path()))
                        .header(TillApi.TOKEN_HEADER, token).header("Accept", "text/event-stream").GET().build();
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    LOG.infof("Listening to lane %s's scanner", config.lane());
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:"))
                                .forEach(line -> toPage.onNext(line.substring(5).trim()));
                    }
                } else {
                    LOG.debugf("The store agent refused the scanner events: %d", response.statusCode());
                    response.body().close();
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.debugf("Scanner events from the store agent interrupted: %s", e.getMessage());
            } catch (RuntimeException e) {
                // Nothing may end this thread but shutdown: without it the lane's scanner falls silent.
                LOG.warnf(e, "Relaying lane %s's scans failed; listening again", config.lane());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(1_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
