package io.chainretail.agent.http;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * Runs the work and records its duration under the name. The first work of a request also records
     * {@code wait}: from the request's arrival to the start of its work (reading and checking its body, and
     * for a request run on a worker thread, waiting for that thread, which on a busy machine can be most of
     * a slow request).
     */
    public <T> T time(String name, Supplier<T> work) {
        long started = System.nanoTime();
        millis.putIfAbsent("wait", (started - requestStarted) / 1e6);
        try {
            return work.get();
        } finally {
            millis.merge(name, (System.nanoTime() - started) / 1e6, Double::sum);
        }
    }

    /** The header value with the whole request's time, or empty when nothing was timed. */
    String header() {
        if (millis.isEmpty()) {
            return "";
        }
        millis.put("request", (System.nanoTime() - requestStarted) / 1e6);
        StringBuilder header = new StringBuilder();
        millis.forEach((name, value) -> {
            // Two decimals by hand: String.format was a few percent of a scan's time in a profile.
            long hundredths = Math.round(value * 100);
            header.append(header.isEmpty() ? "" : ", ").append(name).append(";dur=").append(hundredths / 100)
                    .append('.').append(hundredths % 100 < 10 ? "0" : "").append(hundredths % 100);
        });
        return header.toString();
    }
}
