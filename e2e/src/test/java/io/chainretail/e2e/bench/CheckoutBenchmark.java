package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.PATIENCE;
import static io.chainretail.e2e.bench.BenchSupport.barcode;
import static io.chainretail.e2e.bench.BenchSupport.caughtUp;
import static io.chainretail.e2e.bench.BenchSupport.importProducts;
import static io.chainretail.e2e.bench.BenchSupport.metric;
import static io.chainretail.e2e.bench.BenchSupport.printQuantiles;
import static io.chainretail.e2e.bench.BenchSupport.quantile;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.core.sync.payload.UplinkBatch;
import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.RetailSystem;
import io.chainretail.e2e.Till;
import io.chainretail.e2e.swarm.SaleEvents;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.receipt.Receipt;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.chainretail.devices.sim.PrinterSimulator;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checkout targets, each beside a raw baseline measured in the same run
 * (docs/benchmarks.md):
 * <ul>
 *   <li>scan-to-line over HTTP with 100,000 products at the store, and sale completion (journal and
 *       outbox commit) against a raw H2 insert of the same rows;</li>
 *   <li>HQ ingest of uplinked sales against a raw JDBC batch insert of the same rows;</li>
 *   <li>draining a 24-hour backlog of 2,000 sales after HQ was away.</li>
 * </ul>
 * Run one with {@code ./mvnw -B verify -pl e2e -Pbenchmark -Dit.test=CheckoutBenchmark#hqIngest}.
 */
class CheckoutBenchmark {

    private static final int CATALOG = Integer.getInteger("bench.catalog", 100_000);
    private static final int SALES = Integer.getInteger("bench.sales", 1_000);
    /**
     * Sales rung up before the measured ones. A store server runs all day: it is measured once its JIT has
     * compiled the checkout path. After 200 sales the agent's C2 compiler still took half a core through the
     * measured sales (JFR: some fifty compilations of a tenth of a second to a second each), and after 1,000
     * a fifth of one.
     */
    private static final int WARM_UP_SALES = Integer.getInteger("bench.warm-up-sales", 3_000);
    /**
     * A pause before each measured request (0: back to back). Paced at 20 ms, as a hundred lanes scanning an
     * item every two seconds would send, the round trips are slower on these virtual machines, not faster:
     * an idle virtual CPU takes milliseconds to wake (docs/benchmarks.md).
     */
    private static final long PAUSE_MILLIS = Long.getLong("bench.pause-millis", 0);
    /**
     * Stops HQ and its broker once the store has caught up, so the store sells offline with the two cores
     * to itself and the till: closer to a store server than HQ ingesting every sale beside it.
     */
    private static final boolean HQ_AWAY = Boolean.getBoolean("bench.hq-away");
    private static final int LINES = 5;
    /** Events per uplink message when a store sends a backlog (the agent's UplinkPublisher). */
    private static final int BATCH = 100;
    private static final int UPLINKED = Integer.getInteger("bench.uplinked", 5_000);
    private static final int INGEST_WARM_UP_ROUNDS = Integer.getInteger("bench.ingest-warm-up-rounds", 3);
    private static final int INGEST_ROUNDS = Integer.getInteger("bench.ingest-rounds", 3);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 2_000);
    private static final long SEED = Long.getLong("bench.seed", 20261130L);
    /** HQ's time storing uplinked batches, from its first query to its commit, summed over batches. */
    private static final String STORING = "hq_uplink_store_batch_seconds_sum";
    /** HQ's own work on uplinked messages, by its timers: decoding and checking, storing, acknowledging. */
    private static final List<String> HQ_WORK = List.of("hq_uplink_decode_seconds_sum", STORING,
            "hq_uplink_acknowledge_seconds_sum");
    /** 1,000.00 in cash: more than any basket here, with change under the till's limit (agent.max-change-minor). */
    private static final String CASH = "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":100000}]}";

    private final SyncCodec codec = new SyncCodec();
    /** The journal position (and receipt number) of the last sale {@link #sales} made. */
    private long journalPosition;

    @Test
    void scanAndComplete() throws Exception {
        Random random = new Random(SEED);
        try (RetailSystem system = new RetailSystem("bench-checkout")) {
            AppProcess hq = system.startHq();
            importProducts(hq, CATALOG, 0);
            AppProcess agent = system.startAgent("0001");
            Eventually.await("store caught up with HQ", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":50000}");
            if (HQ_AWAY) {
                hq.close();
            }

            sell(agent, till, WARM_UP_SALES, 0, random);
            Selling selling = sell(agent, till, SALES, PAUSE_MILLIS, random);
            healthChecks(agent, SALES, 0);
            List<Double> roundTrips = healthChecks(agent, SALES, PAUSE_MILLIS);
            Path scratch = Files.createTempDirectory(Path.of("target"), "raw-h2-");
            List<Double> rawInserts;
            List<Double> rawLookups;
            try (RawJdbc raw = RawJdbc.h2(scratch)) {
                rawInserts = raw.completions(SALES, LINES, selling.lastSale);
                rawLookups = raw.barcodeLookups(CATALOG, SALES * LINES);
            }

            String pace = PAUSE_MILLIS == 0 ? "back to back" : PAUSE_MILLIS + " ms apart";
            System.out.println();
            System.out.printf("=== Scan to line over HTTP, %d products at the store, %d scans %s, after %d sales "
                    + "warming up ===%n", CATALOG, selling.scans.size(), pace, WARM_UP_SALES);
            printQuantiles("till (HTTP/1.1, kept-alive connection)", selling.scans, "ms");
            printQuantiles("of which the store's REST layer", selling.requestsAtServer, "ms");
            printQuantiles("of which the store's checkout", selling.scansAtServer, "ms");
            printQuantiles("of which waiting for the checkout to start", selling.scanWaits, "ms");
            printQuantiles("baseline, HTTP round trip of /q/health/live, " + pace, roundTrips, "ms");
            printQuantiles("baseline, raw H2 barcode lookup in " + CATALOG + " rows", rawLookups, "µs");
            System.out.println("target: p99 under 5 ms");
            System.out.println();
            System.out.printf("=== Sale completion, %d sales of %d lines (journal + outbox commit) ===%n", SALES,
                    LINES);
            printQuantiles("till (HTTP/1.1, kept-alive connection)", selling.completions, "ms");
            printQuantiles("of which the store server", selling.completionsAtServer, "ms");
            printQuantiles("baseline, raw H2 insert of the same rows in one commit", rawInserts, "ms");
            System.out.printf("ratio at p99 (server / raw) %.2fx; target: p99 under 20 ms and at most 3x raw%n",
                    quantile(selling.completionsAtServer, 99) / quantile(rawInserts, 99));
        }
    }

    /** What ringing up and completing sales measured at the till and reported by the store, in ms. */
    private static final class Selling {
        final List<Double> scans = new ArrayList<>();
        final List<Double> scansAtServer = new ArrayList<>();
        final List<Double> requestsAtServer = new ArrayList<>();
        final List<Double> scanWaits = new ArrayList<>();
        final List<Double> completions = new ArrayList<>();
        final List<Double> completionsAtServer = new ArrayList<>();
        /** The last completed sale as the till received it (the raw baseline inserts rows like it). */
        String lastSale = "";
    }

    /**
     * Rings up {@code sales} sales of {@link #LINES} random products and pays them cash, pausing
     * {@code pauseMillis} before each scan and each completion (0: back to back).
     */
    private static Selling sell(AppProcess agent, Till till, int sales, long pauseMillis, Random random)
            throws Exception {
        Selling selling = new Selling();
        for (int i = 0; i < sales; i++) {
            String sale = till.openSale();
            for (int line = 0; line < LINES; line++) {
                String code = barcode(1 + random.nextInt(CATALOG));
                Thread.sleep(pauseMillis);
                long started = System.nanoTime();
                LeanHttp.Reply scanned = LeanHttp.post(agent.url() + "/api/till/sales/" + sale + "/lines",
                        "{\"code\":\"" + code + "\",\"quantity\":1}", Till.TOKEN, till.token());
                selling.scans.add((System.nanoTime() - started) / 1e6);
                selling.scansAtServer.add(scanned.serverMillis("scan"));
                selling.requestsAtServer.add(scanned.serverMillis("request"));
                selling.scanWaits.add(scanned.serverMillis("wait"));
            }
            Thread.sleep(pauseMillis);
            long started = System.nanoTime();
            LeanHttp.Reply completed = LeanHttp.post(agent.url() + "/api/till/sales/" + sale + "/complete", CASH,
                    Till.TOKEN, till.token());
            selling.completions.add((System.nanoTime() - started) / 1e6);
            selling.completionsAtServer.add(completed.serverMillis("complete"));
            selling.lastSale = completed.body();
        }
        return selling;
    }

    /** Milliseconds of {@code count} health checks, {@code pauseMillis} apart. */
    private static List<Double> healthChecks(AppProcess agent, int count, long pauseMillis) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread.sleep(pauseMillis);
            long started = System.nanoTime();
            LeanHttp.get(agent.url() + "/q/health/live");
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis;
    }

    @Test
    void hqIngest() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-ingest")) {
            AppProcess hq = system.startHq();
            Topics topics = new Topics(system.chain());
            // HQ is a long-running server: it is measured once its JIT has compiled the ingest path. After one
            // round as large, C2 still compiled through the measured round (a core's worth, in a JFR profile).
            for (int round = 1; round <= INGEST_WARM_UP_ROUNDS; round++) {
                awaitIngested(system, hq, topics, sales(system.chain(), UPLINKED, new Random(SEED + round)));
            }
            // Each measured round beside its baselines, then the median of each: on a shared machine one round of
            // either side can take twice as long as the next. The raw database grows round by round as HQ's does.
            List<Double> ends = new ArrayList<>();
            List<Double> works = new ArrayList<>();
            Map<String, List<Double>> parts = new LinkedHashMap<>();
            List<Double> brokers = new ArrayList<>();
            List<Double> raws = new ArrayList<>();
            List<byte[]> messages = List.of();
            List<byte[]> batches = List.of();
            double cpu = 0;
            long bytesBefore = RawJdbc.journalBytes(system);
            try (RawJdbc raw = RawJdbc.sameEngineAs(system)) {
                for (int round = 1; round <= INGEST_WARM_UP_ROUNDS; round++) { // as HQ's was warmed up
                    raw.ingest(payloads(sales(system.chain(), UPLINKED, new Random(SEED + round))));
                }
                for (int round = 1; round <= INGEST_ROUNDS; round++) {
                    messages = sales(system.chain(), UPLINKED, new Random(SEED + 100 + round));
                    Map<String, Double> before = hqWork(hq);
                    double cpuBefore = hq.cpuSeconds();
                    ends.add(awaitIngested(system, hq, topics, messages));
                    cpu += hq.cpuSeconds() - cpuBefore;
                    Map<String, Double> after = hqWork(hq);
                    works.add(after.values().stream().mapToDouble(Double::doubleValue).sum()
                            - before.values().stream().mapToDouble(Double::doubleValue).sum());
                    after.forEach((name, value) -> parts.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(value - before.get(name)));
                    batches = batches(system.chain(), messages);
                    brokers.add(RawPaho.move(system.hqBroker(), "retail/v1/" + system.chain(), batches));
                    raws.add(raw.ingest(payloads(messages)));
                }
            }
            if (metric(hq, "hq_uplink_events_quarantined_total") > 0) {
                throw new IllegalStateException("HQ quarantined some of the sales: the benchmark would time the "
                        + "quarantine, not the ingest");
            }
            double seconds = quantile(ends, 50);
            double storing = quantile(parts.get(STORING), 50);
            double work = quantile(works, 50);
            double mqtt = quantile(brokers, 50);
            double jdbc = quantile(raws, 50);
            String database = system.onPostgres() ? "PostgreSQL" : "H2 file";
            System.out.println();
            double kilobytes = messages.stream().mapToInt(m -> m.length).average().orElse(0) / 1024;
            System.out.printf("=== HQ ingest of %d uplinked sales (%d lines each, %.1f KB per event), median of %d "
                    + "rounds ===%n", UPLINKED, LINES, kilobytes, INGEST_ROUNDS);
            System.out.printf("HQ: %.2f s from the first publish to the last acknowledgement, %.0f sales/s%n", seconds,
                    UPLINKED / seconds);
            System.out.printf("baseline, raw JDBC batch insert of the same rows (%s, 500 per commit): %.2f s, "
                    + "%.0f sales/s%n", database, jdbc, UPLINKED / jdbc);
            System.out.printf("baseline, raw Paho moving the same %d messages (up to %d sales each, as a store sends a "
                    + "backlog) through the same broker: %.2f s, %.0f sales/s (%s)%n", batches.size(), BATCH, mqtt,
                    UPLINKED / mqtt, RawPaho.payloadCopy());
            System.out.printf("of which HQ storing the decoded sales (%s): %.2f s, %.0f sales/s%n", STORING, storing,
                    UPLINKED / storing);
            StringBuilder split = new StringBuilder();
            parts.forEach((name, values) -> split.append(split.isEmpty() ? "" : " + ").append(name)
                    .append(String.format(" %.2f s", quantile(values, 50))));
            System.out.printf("HQ's own work on them, decoding + storing + acknowledging: %.2f s, %.0f sales/s (%s)%n",
                    work, UPLINKED / work, split);
            System.out.printf("HQ storing / raw JDBC rate %.2f; HQ's own work / raw JDBC rate %.2f%n", jdbc / storing,
                    jdbc / work);
            System.out.printf("end to end / raw JDBC rate %.2f; target: at least 0.5 (the broker alone, raw Paho "
                    + "above: %.2f)%n", jdbc / seconds, jdbc / mqtt);
            int measured = INGEST_ROUNDS * UPLINKED;
            System.out.printf("HQ's CPU per ingested sale: %.3f ms (process CPU, user + system, over %,d sales%s)%n",
                    cpu * 1000 / measured, measured, system.embeddedBroker() ? "; the embedded broker's share "
                    + "included" : "");
            if (system.onPostgres()) {
                System.out.printf("database growth per sale (rows and indexes of the journal partitions and the "
                        + "business keys): %,d bytes%n", (RawJdbc.journalBytes(system) - bytesBefore) / measured);
            }
        }
    }

    @Test
    void backlogDrain() throws Exception {
        Random random = new Random(SEED);
        try (RetailSystem system = new RetailSystem("bench-backlog")) {
            AppProcess hq = system.startHq();
            importProducts(hq, 1_000, 0);
            AppProcess agent = system.startAgent("0001");
            Eventually.await("store caught up with HQ", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":50000}");
            hq.close();
            long selling = System.nanoTime();
            for (int i = 0; i < BACKLOG; i++) {
                String sale = till.openSale();
                for (int line = 0; line < 3; line++) {
                    till.scan(sale, barcode(1 + random.nextInt(1_000)), 1 + random.nextInt(3));
                }
                till.post("/api/till/sales/" + sale + "/complete", CASH);
            }
            System.out.printf("(%d sales made while HQ was away, in %.1f s)%n", BACKLOG,
                    (System.nanoTime() - selling) / 1e9);
            AppProcess back = system.startHq();
            long restarted = System.nanoTime();
            Eventually.await("HQ holds the backlog", PATIENCE,
                    () -> metric(back, "hq_uplink_events_stored_total") >= BACKLOG);
            double seconds = (System.nanoTime() - restarted) / 1e9;
            Eventually.await("the store knows", PATIENCE, () -> metric(agent, "agent_uplink_backlog") == 0);
            double mqtt = RawPaho.move(system.hqBroker(), "retail/v1/" + system.chain(),
                    sales(system.chain(), BACKLOG, random));
            System.out.println();
            System.out.printf("=== Draining a 24-hour backlog of %d sales after HQ was away ===%n", BACKLOG);
            System.out.printf("HQ held all %d sales %.2f s after it was up again (%s broker)%n", BACKLOG, seconds,
                    system.embeddedBroker() ? "embedded" : "external");
            System.out.printf("baseline, raw Paho moving %d such sales through the same broker: %.2f s (%s)%n", BACKLOG,
                    mqtt, RawPaho.payloadCopy());
            System.out.println("target: under 10 s");
        }
    }

    @Test
    void tenderToReceipt() throws Exception {
        Random random = new Random(SEED);
        PrinterSimulator printer = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, null);
        try (RetailSystem system = new RetailSystem("bench-print")) {
            AppProcess hq = system.startHq();
            importProducts(hq, 1_000, 0);
            AppProcess agent = system.startAgent("0001", Map.of("agent.lanes.\"01\".printer",
                    "tcp://127.0.0.1:" + printer.port()));
            Eventually.await("store caught up with HQ", PATIENCE, () -> caughtUp(hq, agent, "0001"));
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":50000}");
            List<Double> tenderToPaper = new ArrayList<>();
            int sales = SALES / 2;
            for (int i = -sales / 5; i < sales; i++) {
                String sale = till.openSale();
                for (int line = 0; line < LINES; line++) {
                    till.scan(sale, barcode(1 + random.nextInt(1_000)), 1);
                }
                int before = printer.printed().size();
                long tendered = System.nanoTime();
                till.post("/api/till/sales/" + sale + "/complete", CASH);
                if (!printer.awaitPrinted(before + 1, Duration.ofSeconds(10))) {
                    throw new AssertionError("receipt " + (before + 1) + " did not print");
                }
                if (i >= 0) {
                    tenderToPaper.add((printer.printed().get(before).receivedNanos() - tendered) / 1e6);
                }
            }
            byte[] sample = new ReceiptLayout(PrinterProfile.GENERIC_80MM).print(sampleReceipt()).bytes();
            List<Double> raw;
            try (PrinterSimulator second = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, null)) {
                raw = rawWrites(second, sample, sales);
            }
            System.out.println();
            System.out.printf("=== Tender to the last receipt byte at the printer, %d sales of %d lines ===%n", sales,
                    LINES);
            printQuantiles("till POST complete -> receipt's last byte at the printer", tenderToPaper, "ms");
            printQuantiles("baseline, a raw socket writing a receipt to a printer simulator", raw, "ms");
            System.out.println("target: p99 under 50 ms; one write per receipt: ReceiptPrinterTest#aReceiptIsOneWrite");
        } finally {
            printer.close();
        }
    }

    /** Milliseconds from a plain socket write of the bytes to the simulator's receipt, {@code count} times. */
    private static List<Double> rawWrites(PrinterSimulator printer, byte[] bytes, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", printer.port())) {
            java.io.OutputStream out = socket.getOutputStream();
            for (int i = 0; i < count; i++) {
                int before = printer.printed().size();
                long started = System.nanoTime();
                out.write(bytes);
                out.flush();
                if (!printer.awaitPrinted(before + 1, Duration.ofSeconds(10))) {
                    throw new AssertionError("raw receipt did not print");
                }
                millis.add((printer.printed().get(before).receivedNanos() - started) / 1e6);
            }
        }
        return millis;
    }

    private static Receipt sampleReceipt() {
        return new Receipt(List.of("Store 0001"), "SALE", List.of("Receipt 1"),
                List.of(new Receipt.Line("大米 Rice", "5 x 1.00", "5.00", List.of())),
                List.of(new Receipt.Amount("TOTAL", "5.00", true)), List.of(Receipt.Amount.of("CASH", "5.00")),
                List.of(), new Receipt.Code(Receipt.Code.Kind.QR, "01a2b3c4-0000-7000-8000-000000000000"),
                List.of("Thank you"), false);
    }

    /**
     * Publishes the events as store 0001's uplink sends a backlog (messages of up to {@link #BATCH}) and
     * waits for HQ to acknowledge them all; like the store, it sends again what stays unacknowledged for
     * 2 s (a broker may drop messages for a busy subscriber past its queue limit: Mosquitto's
     * {@code max_queued_messages}). Seconds.
     */
    private double awaitIngested(RetailSystem system, AppProcess hq, Topics topics, List<byte[]> events)
            throws Exception {
        Map<UUID, byte[]> unacknowledged = new LinkedHashMap<>();
        for (byte[] event : events) {
            unacknowledged.put(codec.decode(event).id(), event);
        }
        try (RawPaho.Subscriber acks = new RawPaho.Subscriber(system.hqBroker(), topics.ack("0001"), true)) {
            long started = 0;
            int resent = 0;
            for (List<byte[]> round = events; !round.isEmpty(); ) {
                // A store has its messages ready (its journal rows); building them here is not HQ's time.
                List<byte[]> messages = batches(system.chain(), round);
                long published = RawPaho.publish(system.hqBroker(), topics.up("0001", "batch"), messages);
                started = started == 0 ? published : started;
                int seen = -1;
                while (acks.kept().size() != seen) {
                    seen = acks.kept().size();
                    Thread.sleep(2_000);
                }
                acknowledged(acks).forEach(unacknowledged::remove);
                round = new ArrayList<>(unacknowledged.values());
                resent += round.size();
                if (System.nanoTime() - started > PATIENCE.toNanos()) {
                    throw new AssertionError(round.size() + " sales never acknowledged");
                }
            }
            if (resent > 0) {
                System.out.printf("(%d sales sent again: the broker dropped them)%n", resent);
            }
            return (acks.lastArrivalNanos() - started) / 1e9;
        }
    }

    /** The sales' payloads as HQ stores them. */
    private List<String> payloads(List<byte[]> messages) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (byte[] message : messages) {
            payloads.add(codec.payloadJson(codec.decode(message).payload()));
        }
        return payloads;
    }

    /** Seconds HQ has spent on uplinked messages so far, by each of its own timers. */
    private static Map<String, Double> hqWork(AppProcess hq) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        HQ_WORK.forEach(name -> seconds.put(name, metric(hq, name)));
        return seconds;
    }

    /** The events in {@code up.batch.v1} messages of up to {@link #BATCH}, as the store's uplink packs them. */
    private List<byte[]> batches(String chain, List<byte[]> events) throws Exception {
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<UplinkBatch.Event> batch = new ArrayList<>();
            for (byte[] bytes : events.subList(from, Math.min(events.size(), from + BATCH))) {
                Envelope<?> event = codec.decode(bytes);
                batch.add(new UplinkBatch.Event(event.schema().id(), event.id(), event.position(), event.occurredAt(),
                        codec.payloadTree(event.payload())));
            }
            batches.add(codec.encode(new Envelope<>(MessageSchema.UPLINK_BATCH, EventIds.next(), chain, "0001", null,
                    null, Instant.now(), new UplinkBatch(batch))));
        }
        return batches;
    }

    private List<UUID> acknowledged(RawPaho.Subscriber acks) {
        List<UUID> ids = new ArrayList<>();
        for (RawPaho.Arrival arrival : acks.kept()) {
            try {
                ids.addAll(codec.decode(arrival.payload()).payloadAs(Ack.class).eventIds());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    /**
     * {@code count} sales of store 0001 as its uplink sends them, each on the next journal position and receipt
     * number: HQ holds those unique per store, so a sale that repeated one would be held in its quarantine.
     */
    private List<byte[]> sales(String chain, int count, Random random) {
        SaleEvents generator = new SaleEvents(CATALOG);
        List<byte[]> messages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            long i = ++journalPosition;
            messages.add(codec.encode(new Envelope<>(MessageSchema.SALE, EventIds.next(), chain, "0001", null,
                    i, Instant.now(), generator.sale(i, random))));
        }
        return messages;
    }
}
