package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.barcode;
import static io.chainretail.e2e.bench.BenchSupport.caughtUp;
import static io.chainretail.e2e.bench.BenchSupport.importProducts;
import static io.chainretail.e2e.bench.BenchSupport.metric;
import static io.chainretail.e2e.bench.BenchSupport.ok;
import static io.chainretail.e2e.bench.BenchSupport.percentile;
import static io.chainretail.e2e.bench.BenchSupport.productsCsv;

import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.RetailSystem;
import io.chainretail.e2e.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A large catalog reaching a store agent on a small heap, which must take it all in bounded memory and keep
 * answering: imported at HQ while the store is online (the live feed), and imported while the store is away, so
 * that it takes the catalog as a snapshot when it comes back while a till looks up prices. Prints the agent's
 * peak heap and resident memory beside its idle ones (the baseline), the time until it has everything, and how
 * fast it answered meanwhile. {@code -Dbench.catalog=N} (300,000 by default), {@code -Dbench.heap=256m} (the
 * agent's), {@code -Dbench.hq-heap=1g} (HQ's). {@code #hqImport} measures HQ's side alone: the import's time
 * beside raw JDBC writing the same rows, and HQ's heap while it runs.
 */
class LargeCatalogBenchmark {

    private static final int CATALOG = Integer.getInteger("bench.catalog", 300_000);
    private static final String HEAP = System.getProperty("bench.heap", "256m");
    private static final String HQ_HEAP = System.getProperty("bench.hq-heap", "1g");
    private static final int KNOWN = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    /** A million products take HQ a couple of minutes on two cores. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    @Test
    void hqImport() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-hq-import")) {
            AppProcess hq = system.startHq(Map.of(RetailSystem.HEAP, HQ_HEAP));
            String csv = productsCsv(CATALOG, 0);
            Sampler sampler = new Sampler(hq, () -> Http.get(hq.url() + "/q/health/live").status() == 200);
            long started = System.nanoTime();
            ok(Http.post(hq.url() + "/api/import/products", csv, "text/csv", IMPORT_TIMEOUT));
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.stop();
            double raw;
            try (RawJdbc jdbc = RawJdbc.sameEngineAs(system)) {
                raw = jdbc.catalogImport(CATALOG);
            }

            System.out.println();
            System.out.printf("=== %,d new products imported at HQ (-Xmx%s), a %,d MB file ===%n", CATALOG, HQ_HEAP,
                    csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >> 20);
            System.out.printf("HQ import: %.1f s; raw JDBC writing the same rows: %.1f s (%.1fx)%n", seconds, raw,
                    seconds / raw);
            sampler.print("HQ", "health answered");
        }
    }

    @Test
    void importWhileAStoreIsOnline() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-large-catalog")) {
            AppProcess hq = system.startHq(Map.of(RetailSystem.HEAP, HQ_HEAP));
            AppProcess agent = system.startAgent("0001", Map.of(RetailSystem.HEAP, HEAP));
            Eventually.await("the store is caught up", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            Sampler sampler = new Sampler(agent, () -> health(agent));

            long started = System.nanoTime();
            ok(Http.post(hq.url() + "/api/import/products", productsCsv(CATALOG, 0), "text/csv", IMPORT_TIMEOUT));
            long imported = System.nanoTime();
            Eventually.await("the store has the whole catalog", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            long caughtUp = System.nanoTime();
            sampler.stop();

            System.out.println();
            System.out.printf("=== %,d products imported at HQ while a store agent (-Xmx%s) was online ===%n", CATALOG,
                    HEAP);
            System.out.printf("HQ import: %.1f s; the store had every delta %.1f s after the import committed%n",
                    (imported - started) / 1e9, (caughtUp - imported) / 1e9);
            sampler.print("health answered");
            System.out.printf("deltas dropped and asked for again: %,.0f; snapshots applied: %,.0f%n",
                    metric(agent, "agent_feed_deltas_dropped_total"),
                    metric(agent, "agent_feed_snapshots_applied_total"));
        }
    }

    @Test
    void aStoreAwayDuringTheImportTakesItAsASnapshotWhileATillLooksUpPrices() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-large-snapshot")) {
            AppProcess hq = system.startHq(Map.of(RetailSystem.HEAP, HQ_HEAP));
            importProducts(hq, KNOWN, 0);
            AppProcess agent = system.startAgent("0001", Map.of(RetailSystem.HEAP, HEAP));
            Eventually.await("the store has the first products", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            agent.terminate();

            long started = System.nanoTime();
            ok(Http.post(hq.url() + "/api/import/products", productsCsv(CATALOG, 0), "text/csv", IMPORT_TIMEOUT));
            System.out.printf("(HQ imported %,d products in %.1f s)%n", CATALOG, (System.nanoTime() - started) / 1e9);

            started = System.nanoTime();
            agent.start();
            long ready = System.nanoTime();
            Till till = new Till(agent, "01", "1001", "1234");
            // The first products are in the replica before and after the snapshot: a price check always finds one.
            Sampler sampler = new Sampler(agent, () -> {
                String code = barcode(1 + ThreadLocalRandom.current().nextInt(KNOWN));
                return Http.get(agent.url() + "/api/products/by-barcode/" + code, Till.TOKEN, till.token())
                        .status() == 200;
            });
            Eventually.await("the store has the whole catalog", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            long caughtUp = System.nanoTime();
            sampler.stop();

            System.out.println();
            System.out.printf("=== a store agent (-Xmx%s) back after %,d products were imported at HQ ===%n", HEAP,
                    CATALOG);
            System.out.printf("agent ready %.1f s after its start; it had the whole catalog %.1f s after its start%n",
                    (ready - started) / 1e9, (caughtUp - started) / 1e9);
            sampler.print("price checks answered");
            System.out.printf("snapshots applied: %,.0f%n", metric(agent, "agent_feed_snapshots_applied_total"));
        }
    }

    private static boolean health(AppProcess agent) {
        return Http.get(agent.url() + "/q/health/live").status() == 200;
    }

    /** Times a request to a process and samples its memory, every half second, until stopped. */
    private static final class Sampler {
        private final AppProcess app;
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicLong peakRss = new AtomicLong();
        private final long idleHeap;
        private final long idleRss;
        private final List<Long> answerMicros = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Sampler(AppProcess app, BooleanSupplier request) {
            this.app = app;
            this.idleHeap = app.heapUsedBytes();
            this.idleRss = app.residentBytes();
            this.thread = new Thread(() -> {
                while (!done.get() && app.isAlive()) {
                    long started = System.nanoTime();
                    boolean ok = request.getAsBoolean();
                    answerMicros.add(ok ? (System.nanoTime() - started) / 1_000 : Long.MAX_VALUE);
                    peakHeap.accumulateAndGet(app.heapUsedBytes(), Math::max);
                    peakRss.accumulateAndGet(app.residentBytes(), Math::max);
                    pause();
                }
            }, "sampler");
            thread.start();
        }

        void stop() throws InterruptedException {
            done.set(true);
            thread.join();
        }

        void print(String what) {
            print("agent", what);
        }

        void print(String process, String what) {
            System.out.printf("%s heap used: peak %d MB (idle %d MB, the baseline); resident: peak %d MB "
                    + "(idle %d MB)%n", process, peakHeap.get() >> 20, idleHeap >> 20, peakRss.get() >> 20,
                    idleRss >> 20);
            System.out.printf("%s %d times: p99 %.1f ms, max %.1f ms (Long.MAX = not answered)%n", what,
                    answerMicros.size(), percentile(answerMicros, 99) / 1e3,
                    answerMicros.stream().mapToLong(Long::longValue).max().orElse(0) / 1e3);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
