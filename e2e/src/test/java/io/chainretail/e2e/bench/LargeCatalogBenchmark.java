package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.caughtUp;
import static io.chainretail.e2e.bench.BenchSupport.metric;
import static io.chainretail.e2e.bench.BenchSupport.ok;
import static io.chainretail.e2e.bench.BenchSupport.percentile;
import static io.chainretail.e2e.bench.BenchSupport.productsCsv;

import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.RetailSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A large catalog imported at HQ while a store agent on a small heap is online: the agent must take it all in
 * bounded memory and keep answering. Prints the agent's peak heap and resident memory beside its idle ones (the
 * baseline), the time until it has every delta, the deltas it dropped and asked for again, and how fast it
 * answered a health check meanwhile. {@code -Dbench.catalog=N} (300,000 by default), {@code -Dbench.heap=256m}.
 */
class LargeCatalogBenchmark {

    private static final int CATALOG = Integer.getInteger("bench.catalog", 300_000);
    private static final String HEAP = System.getProperty("bench.heap", "256m");
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    @Test
    void importWhileAStoreIsOnline() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-large-catalog")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001", Map.of(RetailSystem.AGENT_HEAP, HEAP));
            Eventually.await("the store is caught up", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            long idleHeap = heapUsed(agent);
            long idleRss = rss(agent);

            AtomicBoolean done = new AtomicBoolean();
            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakRss = new AtomicLong();
            List<Long> answerMicros = new CopyOnWriteArrayList<>();
            Thread sampler = new Thread(() -> {
                while (!done.get() && agent.isAlive()) {
                    long started = System.nanoTime();
                    boolean up = Http.get(agent.url() + "/q/health/live").status() == 200;
                    answerMicros.add(up ? (System.nanoTime() - started) / 1_000 : Long.MAX_VALUE);
                    peakHeap.accumulateAndGet(heapUsed(agent), Math::max);
                    peakRss.accumulateAndGet(rss(agent), Math::max);
                    pause();
                }
            }, "sampler");
            sampler.start();

            long started = System.nanoTime();
            ok(Http.post(hq.url() + "/api/import/products", productsCsv(CATALOG, 0), "text/csv"));
            long imported = System.nanoTime();
            Eventually.await("the store has the whole catalog", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            long caughtUp = System.nanoTime();
            done.set(true);
            sampler.join();

            System.out.println();
            System.out.printf("=== %,d products imported at HQ while a store agent (-Xmx%s) was online ===%n", CATALOG,
                    HEAP);
            System.out.printf("HQ import: %.1f s; the store had every delta %.1f s after the import committed%n",
                    (imported - started) / 1e9, (caughtUp - imported) / 1e9);
            System.out.printf("agent heap used: peak %d MB (idle %d MB, the baseline); resident: peak %d MB "
                    + "(idle %d MB)%n", peakHeap.get() >> 20, idleHeap >> 20, peakRss.get() >> 20, idleRss >> 20);
            System.out.printf("deltas dropped and asked for again: %,.0f; snapshots applied: %,.0f%n",
                    metric(agent, "agent_feed_deltas_dropped_total"),
                    metric(agent, "agent_feed_snapshots_applied_total"));
            System.out.printf("health answered %d times: p99 %.1f ms, max %.1f ms (Long.MAX = not answered)%n",
                    answerMicros.size(), percentile(answerMicros, 99) / 1e3,
                    answerMicros.stream().mapToLong(Long::longValue).max().orElse(0) / 1e3);
        }
    }

    /** Heap in use, summed over the heap's pools, from the agent's metrics. */
    private static long heapUsed(AppProcess app) {
        return (long) Http.get(app.url() + "/q/metrics").body().asText().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The process's resident memory, from /proc. */
    private static long rss(AppProcess app) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
