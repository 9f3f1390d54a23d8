package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: two stores sell from a seeded generator, each lane keeping a ledger of every sale its
 * till confirmed, while one fault after another is injected (and at the end several at once). After each
 * scenario: every confirmed sale is at HQ exactly once and nothing else is, each store's total equals its
 * ledger to the cent, no journal gap and nothing quarantined, every replica identical to HQ with no sync lag,
 * and the store's uplink backlog is empty; at the end the lanes close their shifts and each store's day
 * reconciles.
 *
 * <p>A sale whose completion the till never heard back about (the agent died under it) is settled as a
 * cashier would: once the agent is back, the till looks the sale up, and finishes it if it is still open.
 *
 * <p>On the embedded defaults the broker lives in HQ, so killing HQ is also the broker's loss (restarted
 * with its journal). In the integration profile HQ is on PostgreSQL and everything runs on a Mosquitto of
 * the test's own, which is stopped and restarted with and without its persistence, and HQ is cut off its
 * database. {@code -Dfaults.seed} replays a run; {@code -Dfaults.sell-seconds} and {@code -Dfaults.rounds}
 * make it longer (the {@code fault-matrix} profile).
 */
class FaultMatrixIT {

    private static final long SEED = Long.getLong("faults.seed", 20261204L);
    private static final Duration SELL = Duration.ofSeconds(Long.getLong("faults.sell-seconds", 3));
    private static final int ROUNDS = Integer.getInteger("faults.rounds", 1);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String[] STORES = {"0001", "0002"};
    private static final String[] BARCODES = new String[6];
    private static final long[] PRICES = {300, 450, 1290, 2500, 880, 199};

    private final Random random = new Random(SEED);
    private final List<String> report = new ArrayList<>();
    /** What a scenario measured on the way (start-up times, messages sent again), reported after it. */
    private final List<String> notes = new ArrayList<>();
    private RetailSystem system;
    private MosquittoBroker broker;
    private final Map<String, AppProcess> agents = new LinkedHashMap<>();
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private AppProcess hq;

    @Test
    void everyConfirmedSaleReachesHqExactlyOnceWhateverFails() throws Exception {
        System.out.println("FaultMatrixIT seed " + SEED + " (replay with -Dfaults.seed=" + SEED + ")");
        boolean integration = System.getProperty("it.mqtt.url", "").length() > 0;
        if (integration && !MosquittoBroker.available()) {
            throw new IllegalStateException("the integration fault matrix needs " + MosquittoBroker.BINARY
                    + " (apt-get install mosquitto)");
        }
        String brokerUrl = null;
        if (integration) {
            broker = new MosquittoBroker(java.nio.file.Path.of("target/fault-broker-" + SEED + "-"
                    + System.nanoTime())).start(true);
            brokerUrl = broker.url();
        }
        try (RetailSystem retail = new RetailSystem("faults", brokerUrl)) {
            system = retail;
            system.giveHqItsOwnDatabaseRole();
            hq = system.startHq();
            setUpChain();
            for (String store : STORES) {
                agents.put(store, system.startAgent(store));
            }
            for (String store : STORES) {
                awaitIdentical(store);
                lanes.put(store, new Lane(store, agents.get(store), new Random(random.nextLong())));
            }
            lanes.values().forEach(Lane::openShift);

            for (int round = 1; round <= ROUNDS; round++) {
                scenario("baseline", () -> {
                    sellFor(SELL);
                    return Instant.now();
                });
                scenario("agent 0001 killed mid-burst", this::agentKilledMidBurst);
                scenario("HQ killed mid-ingest" + (system.embeddedBroker() ? " (and its embedded broker)" : ""),
                        this::hqKilledMidIngest);
                scenario("deliveries duplicated and reordered", this::duplicatedAndReordered);
                scenario("prices changed at HQ while store 0002 is cut off", this::pricesChangedWhileCutOff);
                if (broker != null) {
                    scenario("broker stopped twice, restarted with its persistence", () -> brokerStopped(false));
                    scenario("broker restarted without persistence", () -> brokerStopped(true));
                }
                if (system.onPostgres()) {
                    scenario("HQ's database refuses connections and ends its sessions", this::databaseCut);
                }
                scenario("all at once: agent 0002 killed, " + (broker != null ? "broker stopped, " : "")
                        + "HQ killed", this::allAtOnce);
            }
            closeShiftsAndReconcile();
            stopEverything();
        } finally {
            lanes.values().forEach(Lane::stop);
            if (broker != null) {
                broker.close();
            }
            System.out.println("FaultMatrixIT seed " + SEED + ", " + ROUNDS + " round(s), selling " + SELL.toSeconds()
                    + " s around each fault:");
            report.forEach(line -> System.out.println("  " + line));
        }
    }

    /** A fault injected while the lanes sell, and healed; returns the moment it was healed. */
    private interface Fault {
        Instant inject() throws Exception;
    }

    private void scenario(String name, Fault fault) throws Exception {
        int reported = report.size();
        Map<String, Integer> before = new HashMap<>();
        lanes.forEach((store, lane) -> before.put(store, lane.ledger.size()));
        lanes.values().forEach(Lane::start);
        Instant healed = fault.inject();
        sellFor(Duration.ofSeconds(1));
        lanes.values().forEach(Lane::stop);
        lanes.values().forEach(Lane::settle);
        long drained = verify(name, healed);
        StringBuilder line = new StringBuilder(name + ": ");
        lanes.forEach((store, lane) -> line.append(store).append(" +").append(lane.ledger.size() - before.get(store))
                .append(" sales (").append(lane.ledger.size()).append(" in all), "));
        report.add(line + "HQ held them all " + drained + " ms after the fault was healed");
        notes.forEach(note -> report.add("  " + note));
        notes.clear();
        System.out.println("FaultMatrixIT: " + String.join("\n  ", report.subList(reported, report.size())));
    }

    private Instant agentKilledMidBurst() throws Exception {
        sellFor(SELL);
        AppProcess agent = agents.get("0001");
        agent.kill();
        Instant restarted = Instant.now();
        agent.start();
        notes.add("agent 0001 ready " + awaitReady(agent, restarted) + " ms after its restart");
        return Instant.now();
    }

    private Instant hqKilledMidIngest() throws Exception {
        sellFor(SELL);
        hq.kill();
        sellFor(SELL); // the stores sell on, HQ (and on the defaults its broker) away
        Instant restarted = Instant.now();
        hq.start();
        Http.signIn(hq.url(), "admin", RetailSystem.ADMIN_PASSWORD);
        notes.add("HQ ready " + awaitReady(hq, restarted) + " ms after its restart");
        return Instant.now();
    }

    /** Every uplink message the stores sent in a burst, sent to HQ again twice, in a shuffled order. */
    private Instant duplicatedAndReordered() throws Exception {
        Topics topics = new Topics(system.chain());
        List<byte[]> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> seenOn = Collections.synchronizedList(new ArrayList<>());
        try (PahoMqttLink sniffer = new PahoMqttLink(system.hqBroker().settings("fault-sniffer-" + SEED)
                .withSessionExpiry(Duration.ZERO))) {
            sniffer.subscribe(topics.allUplinks(), (topic, bytes) -> {
                seenOn.add(topic);
                seen.add(bytes);
            });
            sniffer.start();
            Eventually.await("the sniffer is subscribed", PATIENCE, () -> sniffer.isSubscribed(topics.allUplinks()));
            sellFor(SELL);
            lanes.values().forEach(Lane::stop);
            Eventually.await("the stores sent what they sold", PATIENCE, () -> seen.size() > 0
                    && lanes.keySet().stream().allMatch(this::backlogEmpty));
            List<Integer> order = new ArrayList<>();
            int events = 0;
            SyncCodec codec = new SyncCodec();
            for (int i = 0; i < seen.size(); i++) {
                order.add(i);
                order.add(i);
                events += 2 * codec.decodeUplink(seen.get(i)).size();
            }
            Collections.shuffle(order, random);
            double duplicatesBefore = hq.metric("hq_uplink_events_duplicate_total");
            for (int i : order) {
                sniffer.publish(seenOn.get(i), seen.get(i), false).get(10, TimeUnit.SECONDS);
            }
            int resent = events;
            Eventually.await("HQ counted the " + resent + " events sent again as duplicates", PATIENCE,
                    () -> hq.metric("hq_uplink_events_duplicate_total") >= duplicatesBefore + resent);
            notes.add(order.size() + " messages (" + events + " events) sent again, all counted as duplicates");
        }
        return Instant.now();
    }

    private Instant pricesChangedWhileCutOff() throws Exception {
        AppProcess cutOff = agents.get("0002");
        lanes.get("0002").pause();
        cutOff.kill();
        for (int i = 0; i < BARCODES.length; i++) {
            PRICES[i] += 10 + random.nextInt(90);
            putProduct(i);
        }
        sellFor(SELL); // store 0001 sells at the new prices as they arrive
        cutOff.start();
        lanes.get("0002").resume();
        return Instant.now();
    }

    private Instant brokerStopped(boolean wipe) throws Exception {
        for (int outage = 0; outage < (wipe ? 1 : 2); outage++) {
            sellFor(SELL);
            broker.stop();
            sellFor(Duration.ofSeconds(5)); // longer than the stores' resend interval (2 s in these tests)
            if (wipe) {
                broker.wipe();
            }
            broker.start(true);
        }
        return Instant.now();
    }

    private Instant databaseCut() throws Exception {
        sellFor(SELL);
        system.cutDatabase();
        sellFor(Duration.ofSeconds(10));
        system.restoreDatabase();
        return Instant.now();
    }

    private Instant allAtOnce() throws Exception {
        sellFor(SELL);
        agents.get("0002").kill();
        if (broker != null) {
            broker.stop();
        }
        hq.kill();
        if (system.onPostgres()) {
            system.cutDatabase();
        }
        sellFor(SELL); // store 0001 alone, offline
        if (system.onPostgres()) {
            system.restoreDatabase();
        }
        if (broker != null) {
            broker.start(true);
        }
        hq.start();
        Http.signIn(hq.url(), "admin", RetailSystem.ADMIN_PASSWORD);
        agents.get("0002").start();
        return Instant.now();
    }

    /**
     * Waits until the invariants hold for every store; returns how long after {@code healed} the stores' backlogs
     * were drained. A store's backlog is empty only once HQ has acknowledged every event, and HQ acknowledges only
     * what it holds durably, so that moment is when HQ held every sale; it is cheap to watch, unlike listing every
     * sale HQ holds (which the checks after it do, and which takes longer the more sales there are).
     */
    private long verify(String scenario, Instant healed) throws Exception {
        for (String store : STORES) {
            Eventually.await(scenario + ": store " + store + " has delivered its backlog", PATIENCE,
                    () -> backlogEmpty(store));
        }
        long drained = Duration.between(healed, Instant.now()).toMillis();
        for (String store : STORES) {
            Map<String, Long> ledger = lanes.get(store).ledger;
            Eventually.await(scenario + ": HQ holds every sale store " + store + "'s till confirmed", PATIENCE,
                    () -> salesAtHq(store).keySet().containsAll(ledger.keySet()));
            Map<String, List<Long>> atHq = salesAtHq(store);
            atHq.forEach((saleId, totals) -> assertEquals(1, totals.size(), scenario + ": sale " + saleId
                    + " of store " + store + " is stored " + totals.size() + " times"));
            assertEquals(ledger.keySet(), atHq.keySet(), scenario + ": store " + store
                    + "'s sales at HQ are the ones its till confirmed");
            long ledgerTotal = ledger.values().stream().mapToLong(Long::longValue).sum();
            long hqTotal = atHq.values().stream().mapToLong(t -> t.get(0)).sum();
            assertEquals(ledgerTotal, hqTotal, scenario + ": store " + store + "'s total at HQ");

            JsonNode day = reconciliation(store);
            assertEquals(0, day.path("journalGaps").size(), scenario + ": " + day);
            assertEquals(0, day.path("quarantined").size(), scenario + ": " + day);
            assertEquals(0, Http.get(hq.url() + "/api/quarantine?store=" + store).body().size(),
                    scenario + ": nothing quarantined");
            awaitIdentical(store);
            Eventually.await(scenario + ": no sync lag at store " + store, PATIENCE, () -> {
                for (JsonNode feed : Http.get(hq.url() + "/api/sync/stores/" + store).body().path("feeds")) {
                    if (feed.path("lagChanges").asLong() != 0) {
                        return false;
                    }
                }
                return true;
            });
        }
        return drained;
    }

    private void closeShiftsAndReconcile() throws Exception {
        for (Lane lane : lanes.values()) {
            lane.closeShift();
        }
        for (String store : STORES) {
            Eventually.await("store " + store + "'s day reconciles", PATIENCE, () -> {
                JsonNode day = reconciliation(store);
                return day.path("ok").asBoolean() && day.path("shifts").size() >= 1;
            });
            JsonNode day = reconciliation(store);
            for (JsonNode shift : day.path("shifts")) {
                assertEquals(0, shift.path("missingReceipts").size(), day.toString());
                assertTrue(shift.path("ok").asBoolean(), day.toString());
            }
        }
    }

    /** SIGTERM to every process, each while the others still run: each must be gone within 10 s. */
    private void stopEverything() throws InterruptedException {
        StringBuilder line = new StringBuilder("SIGTERM to exit:");
        List<AppProcess> processes = new ArrayList<>(agents.values());
        processes.add(hq);
        for (AppProcess process : processes) {
            Duration took = process.terminate();
            line.append(' ').append(process.name()).append(' ').append(took.toMillis()).append(" ms,");
            assertTrue(took.compareTo(Duration.ofSeconds(10)) <= 0, process.name() + " took " + took + " to stop");
        }
        report.add(line.substring(0, line.length() - 1));
    }

    private JsonNode reconciliation(String store) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return Http.get(hq.url() + "/api/stores/" + store + "/reconciliation/" + today).body();
    }

    /** Every sale HQ holds for the store: its totals by sale id (two entries would be a sale stored twice). */
    private Map<String, List<Long>> salesAtHq(String store) {
        Map<String, List<Long>> sales = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode rows = Http.get(hq.url() + "/api/stores/" + store + "/sales?size=1000&page=" + page).body();
            for (JsonNode sale : rows) {
                sales.computeIfAbsent(sale.path("saleId").asText(), id -> new ArrayList<>())
                        .add(sale.path("totalMinor").asLong());
            }
            if (rows.size() < 1000) {
                return sales;
            }
        }
    }

    private boolean backlogEmpty(String store) {
        try {
            return Http.get(agents.get(store).url() + "/api/sync").body().path("uplinkBacklog").asLong(-1) == 0;
        } catch (IllegalStateException e) {
            return false; // the agent is starting
        }
    }

    private void awaitIdentical(String store) throws InterruptedException {
        Eventually.await("store " + store + " identical to HQ", PATIENCE, () -> Http.get(hq.url()
                + "/api/sync/stores/" + store + "/replica").body().path("identical").asBoolean());
    }

    private static long awaitReady(AppProcess process, Instant since) throws InterruptedException {
        Eventually.await(process.url() + " ready", PATIENCE, () -> {
            try {
                return Http.get(process.url() + "/q/health/ready").status() == 200;
            } catch (IllegalStateException e) {
                return false;
            }
        });
        return Duration.between(since, Instant.now()).toMillis();
    }

    private static void sellFor(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // the lanes sell meanwhile, on their own threads
    }

    private void setUpChain() {
        for (int i = 0; i < BARCODES.length; i++) {
            BARCODES[i] = Gtin.withCheckDigit(String.format("697800000%03d", i + 1));
            putProduct(i);
        }
    }

    private void putProduct(int i) {
        Http.Reply reply = Http.put(hq.url() + "/api/products/F" + i, "{\"sku\":\"F" + i + "\",\"name\":\"故障 "
                + i + "\",\"barcodes\":[\"" + BARCODES[i] + "\"],\"priceMinor\":" + PRICES[i] + "}");
        assertEquals(200, reply.status(), reply.body().toString());
    }

    /**
     * One lane of a store selling on its own thread, through the store agent's till API as pos-client does,
     * with a ledger of the sales its till confirmed (sale id to total).
     */
    private static final class Lane {
        private final String store;
        private final AppProcess agent;
        private final Random random;
        private final String token;
        final Map<String, Long> ledger = new ConcurrentHashMap<>();
        private volatile boolean selling;
        private volatile boolean paused;
        private Thread thread;
        /** A sale whose fate the till has not heard: settled before the next one. */
        private String unsettled;

        Lane(String store, AppProcess agent, Random random) {
            this.store = store;
            this.agent = agent;
            this.random = random;
            this.token = new Till(agent, "01", "1001", "1234").token();
        }

        void openShift() {
            Http.Reply opened = post("/api/till/shift/open", "{\"floatMinor\":50000}");
            assertEquals(200, opened.status(), opened.body().toString());
        }

        void start() {
            selling = true;
            thread = new Thread(this::sell, "lane-" + store);
            thread.start();
        }

        void pause() {
            paused = true;
        }

        void resume() {
            paused = false;
        }

        void stop() {
            selling = false;
            if (thread != null) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Settles the last sale whose completion the till did not hear, once the agent answers. */
        void settle() {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (unsettled != null && System.nanoTime() < deadline) {
                settleUnsettled();
                pauseFor(200);
            }
            assertTrue(unsettled == null, "store " + store + " never settled sale " + unsettled);
        }

        private void sell() {
            while (selling) {
                if (paused) {
                    pauseFor(50);
                    continue;
                }
                try {
                    if (unsettled != null) {
                        settleUnsettled();
                    } else {
                        sellOne();
                    }
                } catch (IllegalStateException e) {
                    pauseFor(200); // the agent is away: the cashier waits
                }
                pauseFor(10);
            }
        }

        private void sellOne() {
            Http.Reply opened = post("/api/till/sales", "");
            if (opened.status() != 200) {
                pauseFor(200);
                return;
            }
            String saleId = opened.body().path("saleId").asText();
            unsettled = saleId;
            for (int line = 0, lines = 1 + random.nextInt(3); line < lines; line++) {
                String code = BARCODES[random.nextInt(BARCODES.length)];
                Http.Reply scanned = post("/api/till/sales/" + saleId + "/lines", "{\"code\":\"" + code
                        + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}");
                if (scanned.status() != 200) {
                    return; // settled later
                }
            }
            complete(saleId);
        }

        /** Looks the sale up: confirmed if it completed, finished if it is still open, dropped if it is gone. */
        private void settleUnsettled() {
            Http.Reply sale = Http.get(agent.url() + "/api/till/sales/" + unsettled, Till.TOKEN, token);
            if (sale.status() == 404) {
                unsettled = null; // the basket was lost with the agent before it was saved: never sold
            } else if (sale.status() == 200 && "COMPLETED".equals(sale.body().path("status").asText())) {
                confirm(sale.body());
            } else if (sale.status() == 200) {
                if (sale.body().path("lines").size() == 0) {
                    Http.Reply scanned = post("/api/till/sales/" + unsettled + "/lines", "{\"code\":\"" + BARCODES[0]
                            + "\",\"quantity\":1}");
                    if (scanned.status() != 200) {
                        return;
                    }
                }
                complete(unsettled);
            }
        }

        private void complete(String saleId) {
            Http.Reply total = Http.get(agent.url() + "/api/till/sales/" + saleId, Till.TOKEN, token);
            if (total.status() != 200) {
                return;
            }
            long due = total.body().path("totalMinor").asLong();
            Http.Reply done = post("/api/till/sales/" + saleId + "/complete", "{\"tenders\":[{\"type\":\"CASH\","
                    + "\"amountMinor\":" + due + "}]}");
            if (done.status() == 200 && "COMPLETED".equals(done.body().path("status").asText())) {
                confirm(done.body());
            }
        }

        private void confirm(JsonNode sale) {
            ledger.put(sale.path("saleId").asText(), sale.path("totalMinor").asLong());
            unsettled = null;
        }

        void closeShift() {
            Http.Reply x = Http.get(agent.url() + "/api/till/shift", Till.TOKEN, token);
            assertEquals(200, x.status(), x.body().toString());
            long expected = x.body().path("expectedCashMinor").asLong();
            Http.Reply z = post("/api/till/shift/close", "{\"counted\":[{\"valueMinor\":10000,\"count\":"
                    + expected / 10000 + "},{\"valueMinor\":100,\"count\":" + expected % 10000 / 100
                    + "},{\"valueMinor\":1,\"count\":" + expected % 100 + "}]}");
            assertEquals(200, z.status(), z.body().toString());
            assertEquals(0, z.body().path("varianceMinor").asLong(), z.body().toString());
        }

        private Http.Reply post(String path, String json) {
            return Http.post(agent.url() + path, json, Till.TOKEN, token);
        }

        private static void pauseFor(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
