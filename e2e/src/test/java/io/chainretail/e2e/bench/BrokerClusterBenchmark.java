package io.chainretail.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.e2e.BrokerLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind the broker tier's design (docs/decisions/0012-a-home-broker-per-store.md): the change
 * feed fanned out to stores by one Artemis broker (the baseline), by two independent brokers that HQ publishes
 * to each (the design: a home broker per store), and by a two-node Artemis cluster that HQ publishes to one node
 * of; then whether a store's persistent session follows it from one cluster node to the other.
 *
 * <p>All brokers run in this JVM, with HQ's embedded broker's settings (persistent journal, MQTT acceptor), so
 * the three topologies are compared on the same cores in the same run; subscribers are raw Paho clients, one
 * per simulated store. Run: {@code ./mvnw -B verify -pl e2e -Pbenchmark -Dit.test=BrokerClusterBenchmark}
 */
class BrokerClusterBenchmark {

    private static final int STORES = Integer.getInteger("bench.cluster.stores", 100);
    private static final int MESSAGES = Integer.getInteger("bench.cluster.messages", 2_000);
    private static final int QUEUED = 100;
    /** About a price delta's size on the feed. */
    private static final int PAYLOAD = 250;
    private static final long PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(2);

    @Test
    void fanOutAndSessionsAcrossNodes() throws Exception {
        Path dir = Files.createTempDirectory("broker-cluster-bench");
        List<String> rows = new ArrayList<>();
        try (ArtemisNode alone = ArtemisNode.planned().start(dir.resolve("alone"), List.of())) {
            fanOut("one broker, every store on it (baseline)", List.of(alone.login()), List.of(alone.login()));
            rows.add(fanOut("one broker, every store on it (baseline)", List.of(alone.login()),
                    List.of(alone.login())));
        }
        ArtemisNode homeA = ArtemisNode.planned();
        ArtemisNode homeB = ArtemisNode.planned();
        try (ArtemisNode a = homeA.start(dir.resolve("home-a"), List.of());
                ArtemisNode b = homeB.start(dir.resolve("home-b"), List.of())) {
            List<BrokerLogin> both = List.of(a.login(), b.login());
            fanOut("two home brokers, HQ publishing to each", both, both);
            rows.add(fanOut("two home brokers, HQ publishing to each", both, both));
        }
        ArtemisNode nodeA = ArtemisNode.planned();
        ArtemisNode nodeB = ArtemisNode.planned();
        try (ArtemisNode a = nodeA.start(dir.resolve("node-a"), List.of(nodeB));
                ArtemisNode b = nodeB.start(dir.resolve("node-b"), List.of(nodeA))) {
            awaitBridged(a, b);
            List<BrokerLogin> both = List.of(a.login(), b.login());
            fanOut("two-node cluster, HQ publishing to node A", both, List.of(a.login()));
            rows.add(fanOut("two-node cluster, HQ publishing to node A", both, List.of(a.login())));
            rows.add(sessionMovedBetweenNodes(a.login(), b.login()));
        }
        System.out.println();
        System.out.printf("=== Feed fan-out, MQTT 5 QoS 1, %d stores, %d messages of %d B each, Artemis %s ===%n",
                STORES, MESSAGES, PAYLOAD, org.apache.activemq.artemis.utils.VersionLoader.getVersion()
                        .getFullVersion());
        rows.forEach(System.out::println);
    }

    /**
     * Subscribes {@link #STORES} stores, spread over {@code storeBrokers} in turn, publishes {@link #MESSAGES} to
     * each of {@code publishTo} at once, and measures until every store has every message.
     */
    private static String fanOut(String name, List<BrokerLogin> storeBrokers, List<BrokerLogin> publishTo)
            throws Exception {
        String topic = "retail/v1/bench/feed/prices-" + System.nanoTime();
        List<RawPaho.Subscriber> stores = new ArrayList<>();
        try {
            for (int i = 0; i < STORES; i++) {
                stores.add(new RawPaho.Subscriber(storeBrokers.get(i % storeBrokers.size()), topic));
            }
            awaitRouted(stores, topic, publishTo);
            byte[] payload = new byte[PAYLOAD];
            long start = System.nanoTime();
            CompletableFuture.allOf(publishTo.stream().map(broker -> CompletableFuture.runAsync(
                    () -> publish(broker, topic, Collections.nCopies(MESSAGES, payload))))
                    .toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            long missing = 0;
            long last = start;
            for (int i = 0; i < stores.size(); i++) {
                RawPaho.Subscriber store = stores.get(i);
                store.awaitReceived(MESSAGES);
                missing += Math.max(0, MESSAGES - store.received());
                last = Math.max(last, store.lastArrivalNanos());
            }
            double seconds = (last - start) / 1e9;
            return String.format("%-48s %6.2f s until every store had every message: %,9.0f deliveries/s%s", name,
                    seconds, (double) STORES * MESSAGES / seconds, missing == 0 ? "" : "  (" + missing + " lost)");
        } finally {
            for (RawPaho.Subscriber store : stores) {
                store.close();
            }
        }
    }

    private static void publish(BrokerLogin broker, String topic, List<byte[]> payloads) {
        try {
            RawPaho.publish(broker, topic, payloads);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes an empty probe to every broker until every store has one: a cluster learns of a subscription on
     * another node a moment after it is made, and routes nothing there before. Stores count probes apart.
     */
    private static void awaitRouted(List<RawPaho.Subscriber> stores, String topic, List<BrokerLogin> publishTo)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        List<RawPaho.Publisher> probes = new ArrayList<>();
        try {
            for (BrokerLogin broker : publishTo) {
                probes.add(new RawPaho.Publisher(broker));
            }
            while (stores.stream().anyMatch(store -> store.probes() == 0)) {
                assertTrue(System.nanoTime() < deadline, "every store's subscription routed within 2 minutes");
                for (RawPaho.Publisher probe : probes) {
                    probe.publish(topic, new byte[0]);
                }
                Thread.sleep(100);
            }
        } finally {
            for (RawPaho.Publisher probe : probes) {
                probe.close();
            }
        }
    }

    /**
     * A store with a persistent session on node B goes away; HQ publishes {@link #QUEUED} messages on node A; the
     * store comes back on node A (as it would when a load balancer or its failover list sends it there), then on
     * node B.
     */
    private static String sessionMovedBetweenNodes(BrokerLogin nodeA, BrokerLogin nodeB) throws Exception {
        String topic = "retail/v1/bench/store/0001/sync/reply-" + System.nanoTime();
        String clientId = "store-0001-bench-" + System.nanoTime();
        MqttAsyncClient store = persistentClient(nodeB, clientId);
        try (RawPaho.Subscriber probeWatch = new RawPaho.Subscriber(nodeB, topic)) {
            store.subscribe(topic, 1).waitForCompletion(10_000);
            awaitRouted(List.of(probeWatch), topic, List.of(nodeA));
        }
        store.disconnect().waitForCompletion(10_000);
        store.close();
        try (RawPaho.Publisher hq = new RawPaho.Publisher(nodeA)) {
            for (int i = 0; i < QUEUED; i++) {
                hq.publish(topic, new byte[PAYLOAD]);
            }
        }
        boolean onA = sessionPresent(nodeA, clientId);
        long started = System.nanoTime();
        long got;
        try (RawPaho.Subscriber resumed = RawPaho.Subscriber.resuming(nodeB, clientId)) {
            resumed.awaitReceived(QUEUED);
            got = resumed.received();
        }
        return String.format("a store's persistent session made on node B, back on node A: %s; back on node B: "
                + "%d of the %d messages queued for it while away (in %.2f s)", onA ? "found" : "NOT found (a new, "
                + "empty session)", Math.min(got, QUEUED), QUEUED, (System.nanoTime() - started) / 1e9);
    }

    private static MqttAsyncClient persistentClient(BrokerLogin broker, String clientId) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = broker.apply(new MqttConnectionOptions());
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    /** Connects as {@code clientId} without clean start and tells whether the broker had its session. */
    private static boolean sessionPresent(BrokerLogin broker, String clientId) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = broker.apply(new MqttConnectionOptions());
        options.setCleanStart(false);
        options.setSessionExpiryInterval(0L); // and leaves nothing behind on that node
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(10_000);
        boolean present = connected.getSessionPresent();
        client.disconnect().waitForCompletion(10_000);
        client.close();
        return present;
    }

    private static void awaitBridged(ArtemisNode a, ArtemisNode b) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!a.bridgedTo(1) || !b.bridgedTo(1)) {
            assertTrue(System.nanoTime() < deadline, "the cluster's nodes bridged within 2 minutes");
            Thread.sleep(50);
        }
    }
}
