package io.chainretail.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.swarm.SaleEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the benchmarks share: a catalog at HQ, waiting for a store to catch up, percentiles. */
final class BenchSupport {

    static final Duration PATIENCE = Duration.ofMinutes(5);

    private BenchSupport() {
    }

    static void importProducts(AppProcess hq, int count, int priceOffset) throws InterruptedException {
        String csv = productsCsv(count, priceOffset);
        long started = System.nanoTime();
        ok(Http.post(hq.url() + "/api/import/products", csv, "text/csv"));
        long imported = System.nanoTime();
        awaitOutboxDrained(hq);
        System.out.printf("(imported %d products at HQ in %d ms; its outbox drained %d ms later)%n", count,
                (imported - started) / 1_000_000, (System.nanoTime() - imported) / 1_000_000);
    }

    /** Products B-1 to B-{@code count} with Chinese names, one barcode each and a chain price, as HQ's CSV. */
    static String productsCsv(int count, int priceOffset) {
        StringBuilder csv = new StringBuilder("sku,name,price_minor,barcodes,category\n");
        for (int i = 1; i <= count; i++) {
            csv.append("B-").append(i).append(",大米 Rice ").append(i).append(',').append(100 + priceOffset + i % 900)
                    .append(',').append(barcode(i)).append(",\n");
        }
        return csv.toString();
    }

    /** Waits until HQ has published every delta, so a measurement starts with HQ idle. */
    static void awaitOutboxDrained(AppProcess hq) throws InterruptedException {
        Eventually.await("HQ's outbox drained", PATIENCE, () -> Http.get(hq.url() + "/q/metrics").body().asText()
                .lines().anyMatch(line -> line.startsWith("hq_outbox_backlog ") && line.endsWith(" 0.0")));
    }

    static String barcode(int i) {
        return SaleEvents.barcode(i);
    }

    static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    static void ok(Http.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("HQ refused: " + reply.status() + " " + reply.body());
        }
    }

    static boolean caughtUp(AppProcess hq, AppProcess agent, String store) {
        JsonNode feeds = sync(agent).path("feeds");
        JsonNode hqFeeds = Http.get(hq.url() + "/api/sync/stores/" + store).body().path("feeds");
        if (hqFeeds.isEmpty()) {
            return false; // HQ has not heard of the store yet
        }
        for (JsonNode feed : hqFeeds) {
            if (feeds.path(feed.path("feed").asText()).asLong() < feed.path("hqSeq").asLong()) {
                return false;
            }
        }
        return true;
    }

    static JsonNode sync(AppProcess agent) {
        return Http.get(agent.url() + "/api/sync").body();
    }

    /** The value below which {@code percent} % of the values lie (nearest rank). */
    static double quantile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** Prints one line of a benchmark's samples: p50, p99 and max in {@code unit}, and how many there were. */
    static void printQuantiles(String what, List<Double> values, String unit) {
        System.out.printf("%-58s p50 %7.2f %s, p99 %7.2f %s, max %7.2f %s (%d samples)%n", what + ":",
                quantile(values, 50), unit, quantile(values, 99), unit,
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0), unit, values.size());
    }

    /** A counter or gauge from a Quarkus {@code /q/metrics} page; 0 when it is not there yet. */
    static double metric(AppProcess app, String name) {
        return app.metric(name);
    }
}
