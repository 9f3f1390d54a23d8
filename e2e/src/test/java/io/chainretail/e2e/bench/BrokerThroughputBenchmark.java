package io.chainretail.e2e.bench;

import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.e2e.BrokerLogin;
import io.chainretail.e2e.RetailSystem;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * QoS 1 throughput of one publisher and one subscriber through HQ's embedded broker (a real HQ
 * process), next to the machine's Mosquitto in the same run, both with raw Paho; plus our own
 * {@link PahoMqttLink} publisher on the embedded broker, to show what the wrapper costs.
 *
 * <p>Run: {@code ./mvnw -B verify -pl e2e -am -Pbenchmark -Dit.test=BrokerThroughputBenchmark}
 */
class BrokerThroughputBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);
    private static final int PAYLOAD = 250;
    private static final String MOSQUITTO = System.getProperty("bench.mosquitto", "tcp://127.0.0.1:1883");

    @Test
    void brokerThroughput() throws Exception {
        List<String> rows = new ArrayList<>();
        try (RetailSystem system = new RetailSystem("bench-broker")) {
            system.startHq();
            BrokerLogin embedded = system.hqBroker();
            String root = "retail/v1/" + system.chain();
            run("embedded (Artemis in HQ), raw Paho", embedded, root, false, MESSAGES / 4);
            rows.add(run("embedded (Artemis in HQ), raw Paho", embedded, root, false, MESSAGES));
            rows.add(run("embedded (Artemis in HQ), PahoMqttLink", embedded, root, true, MESSAGES));
        }
        if (reachable(MOSQUITTO)) {
            BrokerLogin mosquitto = BrokerLogin.anonymous(MOSQUITTO);
            run("Mosquitto, raw Paho", mosquitto, "bench", false, MESSAGES / 4);
            rows.add(run("Mosquitto " + MOSQUITTO + ", raw Paho (baseline)", mosquitto, "bench", false, MESSAGES));
        } else {
            rows.add("Mosquitto at " + MOSQUITTO + " not reachable: no baseline this run");
        }
        System.out.println();
        System.out.println("=== MQTT 5 QoS 1, 1 publisher -> 1 subscriber, " + MESSAGES + " x " + PAYLOAD + " B ===");
        rows.forEach(System.out::println);
    }

    private static String run(String name, BrokerLogin broker, String root, boolean ourLink, int count)
            throws Exception {
        String topic = root + "/bench/" + System.nanoTime();
        byte[] payload = new byte[PAYLOAD];
        try (RawPaho.Subscriber subscriber = new RawPaho.Subscriber(broker, topic)) {
            long start = System.nanoTime();
            if (ourLink) {
                try (PahoMqttLink link = new PahoMqttLink(broker.settings("bench-link-" + System.nanoTime()))) {
                    link.start();
                    while (!link.isConnected()) {
                        Thread.sleep(10);
                    }
                    start = System.nanoTime();
                    CompletableFuture<Void> last = null;
                    for (int i = 0; i < count; i++) {
                        last = link.publish(topic, payload, false);
                    }
                    last.get(60, TimeUnit.SECONDS);
                    subscriber.awaitReceived(count);
                }
            } else {
                RawPaho.publish(broker, topic, Collections.nCopies(count, payload));
                subscriber.awaitReceived(count);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long got = subscriber.received();
            return String.format("%-55s %8.0f msg/s   received %d of %d%s", name, got / seconds, got, count,
                    got < count ? "  (broker dropped " + (count - got) + ")" : "");
        }
    }

    private static boolean reachable(String url) {
        String hostPort = url.replaceFirst("^tcp://", "");
        String[] parts = hostPort.split(":");
        try (Socket socket = new Socket(parts[0], Integer.parseInt(parts[1]))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
