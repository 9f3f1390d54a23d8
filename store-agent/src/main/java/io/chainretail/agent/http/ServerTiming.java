package io.chainretail.agent.http;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one request spent its time on, sent back in the standard {@code Server-Timing} header (browser
 * developer tools show it): e.g. {@code commit;dur=2.41} for a sale's journal commit. It lets anyone
 * tell the store server's share of a slow till from the network's, and the benchmarks read it.
 */
@RequestScoped
public class ServerTiming {

    private final Map<String, Double> millis = new LinkedHashMap<>();
    private long requestStarted;

    void requestStarted() {
        requestStarted = System.nanoTime();
    }

    /** Runs the work and records its duration under the name. */
    public <T> T time(String name, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.merge(name, (System.nanoTime() - started) / 1e6, Double::sum);
        }
    }

    /** The header value with the whole request's time, or empty when nothing was timed. */
    String header() {
        if (!millis.isEmpty()) {
            millis.put("request", (System.nanoTime() - requestStarted) / 1e6);
        }
        return millis.entrySet().stream()
                .map(e -> e.getKey() + ";dur=" + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
