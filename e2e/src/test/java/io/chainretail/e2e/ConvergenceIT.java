package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.ReplicaHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The store converges to HQ through any outage: cut off while HQ makes thousands of mixed
 * changes; with every delta delivered again, twice, in random order; past HQ's retention, so that it
 * takes a snapshot; and killed in the middle of a snapshot. "Converged" means HQ's replica check says
 * identical for every feed. Seeds are fixed and printed; {@code -Dconvergence.seed=N} replays a run.
 */
class ConvergenceIT {

    private static final long SEED = Long.getLong("convergence.seed", 20261122L);
    private static final int CHANGES = Integer.getInteger("convergence.changes", 10_000);
    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("patience", 120));

    @Test
    void aStoreCutOffDuringTenThousandChangesAndFedDuplicatesOutOfOrderConverges() throws Exception {
        System.out.printf("ConvergenceIT seed %d, %d changes%n", SEED, CHANGES);
        try (RetailSystem system = new RetailSystem("convergence")) {
            AppProcess hq = system.startHq();
            ChangeGenerator changes = new ChangeGenerator(hq.url(), SEED);
            changes.setUp();
            AppProcess agent = system.startAgent("0001");
            awaitIdentical(hq, "before the outage");

            agent.kill();
            long started = System.nanoTime();
            changes.run(CHANGES, 4);
            System.out.printf("HQ made %d changes in %d ms while store 0001 was down%n", CHANGES,
                    millisSince(started));
            started = System.nanoTime();
            agent.start();
            awaitIdentical(hq, "after " + CHANGES + " changes");
            System.out.printf("Store 0001 identical to HQ %d ms after restart%n", millisSince(started));

            try (FeedRecorder recorder = new FeedRecorder(system)) {
                agent.kill();
                long deltasBefore = hqDeltas(hq);
                changes.run(CHANGES / 5, 4);
                long deltas = hqDeltas(hq) - deltasBefore;
                Eventually.await("the recorder has all " + deltas + " deltas", PATIENCE,
                        () -> recorder.count() >= deltas);
                agent.start();
                recorder.replayShuffledTwice(new Random(SEED));
                awaitIdentical(hq, "after duplicated, reordered deltas");
                JsonNode sync = Http.get(agent.url() + "/api/sync").body();
                assertEquals(0, sync.path("rejectedMessages").asLong(), "duplicates are ignored, not rejected: "
                        + sync);
            }
        }
    }

    @Test
    void aStorePastTheRetentionTakesASnapshotAndAnInterruptedOneLeavesTheOldReplica() throws Exception {
        System.out.printf("ConvergenceIT (snapshots) seed %d%n", SEED);
        try (RetailSystem system = new RetailSystem("snapshot")) {
            AppProcess hq = system.startHq(Map.of("hq.sync.retention", "1s", "hq.sync.retention-check", "200ms",
                    "hq.sync.snapshot-chunk", "20"));
            ChangeGenerator changes = new ChangeGenerator(hq.url(), SEED + 1);
            changes.setUp();
            changes.run(CHANGES / 5, 4);
            Thread.sleep(1_500);
            // No persistent session: deltas queued at the broker while it is down must not move the replica
            // between the two looks at it below, so only a snapshot can.
            AppProcess agent = system.startAgent("0001", Map.of("agent.mqtt.session-expiry", "PT0S"));
            awaitIdentical(hq, "after a snapshot");
            assertTrue(Files.readString(agent.log()).contains("Applied snapshot of catalog"), "took a snapshot");
            // Far more chunks than the store's window: HQ sent them as the store reported writing them.
            Matcher sent = Pattern.compile("a snapshot of catalog at \\d+ \\(\\d+ rows in (\\d+) chunks\\)")
                    .matcher(Files.readString(hq.log()));
            assertTrue(sent.find() && Integer.parseInt(sent.group(1)) > 8, "a snapshot of many chunks was sent");
            Eventually.await("HQ has no answer left open", PATIENCE, () -> hq.metric("hq_sync_replies_open") == 0);

            boolean interrupted = false;
            for (int attempt = 1; attempt <= 5 && !interrupted; attempt++) {
                agent.kill();
                Map<String, Long> before = replicaState(system);
                changes.run(500, 2);
                Thread.sleep(1_500);
                interrupted = killDuringSnapshot(agent);
                Map<String, Long> after = replicaState(system);
                System.out.printf("Attempt %d: killed %s; catalog seq %d -> %d%n", attempt,
                        interrupted ? "in the middle of the snapshot" : "after it was applied",
                        before.get("seq"), after.get("seq"));
                if (interrupted) {
                    assertEquals(before, after, "the interrupted snapshot left the previous replica untouched");
                }
            }
            assertTrue(interrupted, "no attempt caught the agent in the middle of a snapshot");
            agent.start();
            awaitIdentical(hq, "after the interrupted snapshot");
        }
    }

    /** Starts the agent and kills it as soon as it logs the first chunk of a catalog snapshot. */
    private static boolean killDuringSnapshot(AppProcess agent) throws Exception {
        long logged = Files.size(agent.log());
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                agent.start();
            } catch (Exception e) {
                // Killed while starting: expected.
            }
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String log = newLog(agent, logged);
            if (log.contains("Receiving snapshot of catalog")) {
                agent.kill();
                starting.join();
                return !newLog(agent, logged).contains("Applied snapshot of catalog");
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the agent never received a catalog snapshot");
    }

    private static String newLog(AppProcess agent, long from) throws Exception {
        byte[] bytes = Files.readAllBytes(agent.log());
        int start = (int) Math.min(from, bytes.length);
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /** The agent's catalog sequence, row count and the hash of its rows, read from its database. */
    private static Map<String, Long> replicaState(RetailSystem system) throws Exception {
        String url = "jdbc:h2:file:" + system.agentDataDir("0001").resolve("db/agent").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            ResultSet seq = db.createStatement().executeQuery("select last_seq from feed_state where feed = 'catalog'");
            seq.next();
            ReplicaHash hash = new ReplicaHash();
            long rows = 0;
            ResultSet records = db.createStatement().executeQuery(
                    "select schema_id, record_key, payload from replica_record where feed = 'catalog'");
            while (records.next()) {
                hash.add(records.getString(1), records.getString(2), records.getString(3));
                rows++;
            }
            return Map.of("seq", seq.getLong(1), "rows", rows, "hash", (long) hash.value().hashCode());
        }
    }

    /** How many deltas HQ has written, over all feeds. */
    private static long hqDeltas(AppProcess hq) {
        long total = 0;
        for (JsonNode feed : Http.get(hq.url() + "/api/sync/stores/0001").body().path("feeds")) {
            total += feed.path("hqSeq").asLong();
        }
        return total;
    }

    private static void awaitIdentical(AppProcess hq, String when) throws InterruptedException {
        try {
            Eventually.await("store 0001 identical to HQ " + when, PATIENCE, () -> Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; HQ's replica check: " + Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body() + "; sync status: " + Http.get(hq.url()
                    + "/api/sync/stores/0001").body(), e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** An MQTT client that records every chain feed delta and can deliver them all again. */
    private static final class FeedRecorder implements AutoCloseable {

        private record Delivery(String topic, byte[] payload) {
        }

        private final PahoMqttLink link;
        private final List<Delivery> seen = Collections.synchronizedList(new ArrayList<>());

        FeedRecorder(RetailSystem system) throws Exception {
            link = new PahoMqttLink(system.hqBroker().settings("recorder-" + System.nanoTime())
                    .withSessionExpiry(Duration.ZERO));
            link.subscribe("retail/v1/" + system.chain() + "/feed/+",
                    (topic, payload) -> seen.add(new Delivery(topic, payload)));
            link.start();
            Eventually.await("the recorder is connected", PATIENCE, link::isConnected);
            Thread.sleep(500);
        }

        int count() {
            return seen.size();
        }

        void replayShuffledTwice(Random random) throws Exception {
            List<Delivery> replay = new ArrayList<>(seen);
            replay.addAll(seen);
            Collections.shuffle(replay, random);
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (Delivery delivery : replay) {
                sent.add(link.publish(delivery.topic(), delivery.payload(), false));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            System.out.printf("Replayed %d deltas twice, shuffled%n", seen.size());
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
