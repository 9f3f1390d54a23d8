package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.PATIENCE;
import static io.chainretail.e2e.bench.BenchSupport.awaitOutboxDrained;
import static io.chainretail.e2e.bench.BenchSupport.ok;
import static io.chainretail.e2e.bench.BenchSupport.printQuantiles;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.RetailSystem;
import io.chainretail.e2e.swarm.SaleEvents;
import io.chainretail.e2e.swarm.StoreSwarm;
import io.chainretail.e2e.swarm.SwarmStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * HQ and its broker under a chain of simulated stores ({@link StoreSwarm}: 1,000 by default, each with its own
 * broker account, persistent session, feed replicas and journal, in this JVM), each measurement beside a raw
 * baseline of the same run:
 *
 * <ul>
 *   <li>{@link #priceChangeReachesEveryStore}: one price change at HQ until every store applied it, against one
 *       message published straight to the same broker for the same stores;
 *   <li>{@link #drainAfterOutage}: every store uplinking 100 sales at once, as after an outage, until HQ
 *       acknowledged all, against raw JDBC batch inserts of the same rows;
 *   <li>{@link #steadyState}: one sale per store every 2 s for 5 minutes: HQ's acknowledgement latency, its CPU
 *       per sale and the database's growth.
 * </ul>
 *
 * Run with {@code ./mvnw -B verify -pl e2e -Pbenchmark,integration -Dit.test=SwarmBenchmark -Dtest=none}
 * ({@code -Dbench.stores=N}, {@code -Dbench.steady-seconds=N}).
 */
class SwarmBenchmark {

    private static final int STORES = Integer.getInteger("bench.stores", 1_000);
    private static final int FIRST_STORE = 1_000;
    private static final int CATALOG = 1_000;
    private static final int PRICE_ROUNDS = Integer.getInteger("bench.price-rounds", 10);
    private static final int SALES_PER_STORE = Integer.getInteger("bench.sales-per-store", 100);
    private static final int STEADY_SECONDS = Integer.getInteger("bench.steady-seconds", 300);
    private static final int STEADY_WARM_UP_SECONDS = Integer.getInteger("bench.steady-warm-up-seconds", 60);
    private static final Duration SALE_INTERVAL = Duration.ofSeconds(2);
    private static final Duration RESEND_AFTER = Duration.ofSeconds(Long.getLong("bench.resend-after-seconds", 30));
    private static final long SEED = 20261206L;

    private final SyncCodec codec = new SyncCodec();

    @Test
    void priceChangeReachesEveryStore() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-swarm-prices"); Swarmed swarmed = swarm(system)) {
            StoreSwarm swarm = swarmed.swarm;
            AppProcess hq = swarmed.hq;
            List<Double> hqMillis = new ArrayList<>();
            List<Double> rawMillis = new ArrayList<>();
            for (int round = -2; round < PRICE_ROUNDS; round++) { // two rounds to warm up
                long[] before = swarm.positions("prices");
                long started = System.nanoTime();
                ok(Http.put(hq.url() + "/api/products/SWARM-1", product(500 + round + 3)));
                List<Double> hqRound = awaitEveryStore(swarm, "prices", before, started);
                long[] baselineBefore = swarm.positions("swarm-baseline");
                long published = RawPaho.publish(system.hqBroker(), new Topics(system.chain()).feed("swarm-baseline"),
                        List.of(baselineMessage(system.chain(), round + 3)));
                List<Double> rawRound = awaitEveryStore(swarm, "swarm-baseline", baselineBefore, published);
                if (round >= 0) {
                    hqMillis.addAll(hqRound);
                    rawMillis.addAll(rawRound);
                }
            }
            requireNoGaps(swarm);
            System.out.println();
            System.out.printf("=== One price change at HQ until each of %d connected stores applied it, %d "
                    + "rounds ===%n", STORES, PRICE_ROUNDS);
            printQuantiles("HQ: PUT of the product to the store's replica", hqMillis, "ms");
            printQuantiles("baseline, one message published straight to the broker", rawMillis, "ms");
            System.out.println("target: p99 under 2,000 ms");
            swarmed.printCosts();
        }
    }

    @Test
    void drainAfterOutage() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-swarm-drain"); Swarmed swarmed = swarm(system)) {
            StoreSwarm swarm = swarmed.swarm;
            Random random = new Random(SEED);
            for (SwarmStore store : swarm.stores()) {
                store.sell(SALES_PER_STORE, random, false);
            }
            long total = (long) STORES * SALES_PER_STORE;
            double cpuBefore = swarmed.hq.cpuSeconds();
            Map<String, Double> workBefore = hqWork(swarmed.hq);
            long bytesBefore = RawJdbc.journalBytes(system);
            long started = System.nanoTime();
            swarm.stores().forEach(SwarmStore::sendHeld);
            Eventually.await("HQ acknowledged every sale", PATIENCE, () -> swarm.meter().acknowledged() >= total);
            double seconds = (System.nanoTime() - started) / 1e9;
            // HQ's stock book folds the drain's movements once the burst is over, or on the first read of it:
            // this read waits for that, so the CPU below counts the book's work too.
            long drained = System.nanoTime();
            ok(Http.get(swarmed.hq.url() + "/api/stock?size=1"));
            double bookSeconds = (System.nanoTime() - drained) / 1e9;
            double cpu = swarmed.hq.cpuSeconds() - cpuBefore;
            Map<String, Double> work = hqWork(swarmed.hq);
            work.replaceAll((name, value) -> value - workBefore.get(name));
            long bytes = RawJdbc.journalBytes(system) - bytesBefore;
            List<String> payloads = new ArrayList<>();
            SaleEvents sales = new SaleEvents(CATALOG);
            Random again = new Random(SEED);
            for (long i = 1; i <= total; i++) {
                payloads.add(codec.payloadJson(sales.sale(i, again)));
            }
            double raw;
            try (RawJdbc jdbc = RawJdbc.sameEngineAs(system)) {
                raw = jdbc.ingest(payloads);
            }
            String database = system.onPostgres() ? "PostgreSQL" : "H2 file";
            System.out.println();
            System.out.printf("=== %d stores each uplinking %d sales at once (%d sales), as after an outage ===%n",
                    STORES, SALES_PER_STORE, total);
            System.out.printf("HQ: %.1f s from the first send to the last acknowledgement, %.0f sales/s%n", seconds,
                    total / seconds);
            System.out.printf("baseline, raw JDBC batch insert of the same rows (%s, 500 per commit): %.1f s, "
                    + "%.0f sales/s%n", database, raw, total / raw);
            System.out.printf("HQ / raw JDBC rate: %.2f (target at least 0.5 on PostgreSQL)%n", raw / seconds);
            System.out.printf("HQ's stock book up to date %.1f s after the last acknowledgement%n", bookSeconds);
            System.out.printf("HQ CPU (stock book included): %.3f ms per sale; database growth: %s%n",
                    cpu * 1000 / total,
                    bytes > 0 ? String.format("%,d bytes per sale", bytes / total) : "not measured on H2");
            System.out.printf("HQ's own work (seconds, or events): %s%n", work);
            printQuantiles("acknowledgement latency from first send", swarm.meter().takeAckMillis(), "ms");
            System.out.printf("(%d sales sent again, unacknowledged after %d s)%n", swarm.resent(),
                    RESEND_AFTER.toSeconds());
            swarmed.printCosts();
        }
    }

    /** HQ's timers of its uplink work (seconds so far) and its count of events it had stored already. */
    private static Map<String, Double> hqWork(AppProcess hq) {
        Map<String, Double> work = new LinkedHashMap<>();
        for (String name : List.of("hq_uplink_decode_seconds_sum", "hq_uplink_store_batch_seconds_sum",
                "hq_uplink_store_batch_seconds_count", "hq_uplink_acknowledge_seconds_sum",
                "hq_uplink_events_duplicate_total")) {
            work.put(name, hq.metric(name));
        }
        return work;
    }

    @Test
    void steadyState() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-swarm-steady"); Swarmed swarmed = swarm(system)) {
            StoreSwarm swarm = swarmed.swarm;
            Random random = new Random(SEED);
            // HQ is a long-running server: measured once its JIT has compiled the ingest path.
            long warmedUp = sellSteadily(swarm.stores(), random, STEADY_WARM_UP_SECONDS);
            Eventually.await("HQ acknowledged the warm-up", PATIENCE,
                    () -> swarm.meter().acknowledged() >= warmedUp);
            swarm.meter().takeAckMillis();
            long resentBefore = swarm.resent();
            double cpuBefore = swarmed.hq.cpuSeconds();
            long bytesBefore = RawJdbc.journalBytes(system);
            long total = sellSteadily(swarm.stores(), random, STEADY_SECONDS);
            Eventually.await("HQ acknowledged every sale", PATIENCE,
                    () -> swarm.meter().acknowledged() >= warmedUp + total);
            double cpu = swarmed.hq.cpuSeconds() - cpuBefore;
            long bytes = RawJdbc.journalBytes(system) - bytesBefore;
            System.out.println();
            System.out.printf("=== Steady state: %d stores, one sale each every %d s, for %d s (%d sales, %.0f a "
                    + "second) ===%n", STORES, SALE_INTERVAL.toSeconds(), STEADY_SECONDS, total,
                    total / (double) STEADY_SECONDS);
            printQuantiles("HQ acknowledgement latency, sale sent to its ack", swarm.meter().takeAckMillis(), "ms");
            System.out.println("target: p99 under 1,000 ms");
            System.out.printf("(%d sales sent again, unacknowledged after %d s; %d s of warm-up before)%n",
                    swarm.resent() - resentBefore, RESEND_AFTER.toSeconds(), STEADY_WARM_UP_SECONDS);
            System.out.printf("HQ CPU: %.3f ms per sale (%.0f %% of one core); database growth: %s%n",
                    cpu * 1000 / total, cpu * 100 / STEADY_SECONDS,
                    bytes > 0 ? String.format("%,.0f bytes per sale, %.1f MB in all", bytes / (double) total,
                            bytes / 1e6) : "not measured on H2");
            swarmed.printCosts();
        }
    }

    /**
     * Sells one sale per store every {@link #SALE_INTERVAL} for {@code seconds}, store i at i/N of each interval
     * so the sales are spread evenly; returns how many were sold.
     */
    private static long sellSteadily(List<SwarmStore> stores, Random random, int seconds)
            throws InterruptedException {
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        long sold = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - started) * stores.size() / SALE_INTERVAL.toNanos();
            for (; sold < due; sold++) {
                stores.get((int) (sold % stores.size())).sell(1, random, true);
            }
            Thread.sleep(5);
        }
        return sold;
    }

    /** HQ, a product and a connected swarm of {@link #STORES}. */
    private Swarmed swarm(RetailSystem system) throws Exception {
        AppProcess hq = system.startHq();
        ok(Http.put(hq.url() + "/api/products/SWARM-1", product(500)));
        awaitOutboxDrained(hq);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        StoreSwarm swarm = new StoreSwarm(hq.url(), system.chain(), system.brokerUrl(), FIRST_STORE, STORES, CATALOG,
                RESEND_AFTER);
        double seconds = (System.nanoTime() - started) / 1e9;
        Eventually.await("every store connected", PATIENCE, swarm::allConnected);
        System.out.printf("(%d stores described at HQ, given broker accounts and connected in %.1f s: %d more threads,"
                + " %.0f MB more heap in the swarm's JVM; Paho would take %.1f threads per connection)%n", STORES,
                seconds, ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore,
                (usedHeap() - heapBefore) / 1e6, RawPaho.threadsPerConnection(system.hqBroker(), 20));
        return new Swarmed(hq, swarm);
    }

    /** HQ and the swarm of stores connected to it. */
    private record Swarmed(AppProcess hq, StoreSwarm swarm) implements AutoCloseable {

        void printCosts() {
            System.out.printf("(HQ: %.0f MB resident; swarm: %d messages it could not read, %d feed gaps)%n",
                    hq.residentBytes() / 1e6, swarm.rejected(), swarm.gaps());
        }

        @Override
        public void close() {
            swarm.close();
        }
    }

    /** Milliseconds from {@code startedNanos} to each store's first new delta of {@code feed}. */
    private static List<Double> awaitEveryStore(StoreSwarm swarm, String feed, long[] before, long startedNanos)
            throws InterruptedException {
        Eventually.await("every store applied the next " + feed + " delta", PATIENCE, () -> {
            long[] now = swarm.positions(feed);
            for (int i = 0; i < now.length; i++) {
                if (now[i] <= before[i]) {
                    return false;
                }
            }
            return true;
        });
        List<Double> millis = new ArrayList<>();
        for (long applied : swarm.lastApplied(feed)) {
            millis.add((applied - startedNanos) / 1e6);
        }
        return millis;
    }

    private static void requireNoGaps(StoreSwarm swarm) {
        if (swarm.gaps() > 0 || swarm.rejected() > 0) {
            throw new IllegalStateException("the swarm saw " + swarm.gaps() + " feed gaps and could not read "
                    + swarm.rejected() + " messages");
        }
    }

    /** A delta-shaped message on a feed of no meaning to HQ, numbered {@code seq}, for the broker baseline. */
    private byte[] baselineMessage(String chain, long seq) {
        return codec.encode(new Envelope<>(MessageSchema.CHAIN_PRICE, EventIds.next(), chain, null, seq, null,
                Instant.now(), new ChainPrice("SWARM-BASELINE", 100 + seq, "CNY")));
    }

    private static String product(long priceMinor) {
        return "{\"sku\":\"SWARM-1\",\"name\":\"群测\",\"barcodes\":[\"" + SaleEvents.barcode(999_999) + "\"],"
                + "\"priceMinor\":" + priceMinor + ",\"active\":true,\"category\":null,\"brand\":null,"
                + "\"taxClass\":\"STD\"}";
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
