package io.chainretail.e2e.bench;

import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.e2e.RetailSystem;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
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
            String embedded = system.brokerUrl();
            run("embedded (Artemis in HQ), raw Paho", embedded, false, MESSAGES / 4);
            rows.add(run("embedded (Artemis in HQ), raw Paho", embedded, false, MESSAGES));
            rows.add(run("embedded (Artemis in HQ), PahoMqttLink", embedded, true, MESSAGES));
        }
        if (reachable(MOSQUITTO)) {
            run("Mosquitto, raw Paho", MOSQUITTO, false, MESSAGES / 4);
            rows.add(run("Mosquitto " + MOSQUITTO + ", raw Paho (baseline)", MOSQUITTO, false, MESSAGES));
        } else {
            rows.add("Mosquitto at " + MOSQUITTO + " not reachable: no baseline this run");
        }
        System.out.println();
        System.out.println("=== MQTT 5 QoS 1, 1 publisher -> 1 subscriber, " + MESSAGES + " x " + PAYLOAD + " B ===");
        rows.forEach(System.out::println);
    }

    private static String run(String name, String url, boolean ourLink, int count) throws Exception {
        String topic = "bench/" + System.nanoTime();
        AtomicLong received = new AtomicLong();
        MqttAsyncClient subscriber = new MqttAsyncClient(url, "bench-sub-" + System.nanoTime(),
                new MemoryPersistence());
        subscriber.setCallback(new Counting(received));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65_535);
        subscriber.connect(options).waitForCompletion(10_000);
        subscriber.subscribe(topic, 1).waitForCompletion(10_000);

        byte[] payload = new byte[PAYLOAD];
        long start = System.nanoTime();
        if (ourLink) {
            try (PahoMqttLink link = new PahoMqttLink(MqttSettings.of(url, "bench-link-" + System.nanoTime()))) {
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
                awaitReceived(received, count);
            }
        } else {
            rawPahoPublish(url, topic, payload, count);
            awaitReceived(received, count);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        subscriber.disconnect().waitForCompletion(5_000);
        subscriber.close();
        long got = received.get();
        return String.format("%-55s %8.0f msg/s   received %d of %d%s", name, got / seconds, got, count,
                got < count ? "  (broker dropped " + (count - got) + ")" : "");
    }

    private static void rawPahoPublish(String url, String topic, byte[] payload, int count) throws Exception {
        MqttAsyncClient publisher = new MqttAsyncClient(url, "bench-pub-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        IMqttToken connected = publisher.connect(options);
        connected.waitForCompletion(10_000);
        Integer brokerMax = connected.getResponseProperties().getReceiveMaximum();
        Semaphore window = new Semaphore(Math.max(1, Math.min(64, (brokerMax == null ? 65_535 : brokerMax) - 2)));
        for (int i = 0; i < count; i++) {
            window.acquire();
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            while (true) {
                try {
                    publisher.publish(topic, message, null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            window.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            window.release();
                        }
                    });
                    break;
                } catch (MqttException e) {
                    Thread.sleep(1);
                }
            }
        }
        publisher.disconnect().waitForCompletion(10_000);
        publisher.close();
    }

    /** Waits until all arrived, or nothing more arrived for 3 s (a broker that drops messages). */
    private static void awaitReceived(AtomicLong received, int count) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (received.get() < count && System.nanoTime() - lastChange < 3_000_000_000L) {
            if (received.get() != last) {
                last = received.get();
                lastChange = System.nanoTime();
            }
            Thread.sleep(5);
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

    private static final class Counting implements MqttCallback {
        private final AtomicLong received;

        Counting(AtomicLong received) {
            this.received = received;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
