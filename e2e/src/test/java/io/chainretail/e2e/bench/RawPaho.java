package io.chainretail.e2e.bench;

import io.chainretail.e2e.BrokerLogin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
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
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;

/** The baselines: plain Paho v5 clients, QoS 1, nothing of ours in between. */
final class RawPaho {

    private RawPaho() {
    }

    /** A message as a subscriber saw it. */
    record Arrival(String topic, byte[] payload, long nanos) {
    }

    /** A subscriber that counts what arrives and notes when each message came. */
    static final class Subscriber implements MqttCallback, AutoCloseable {

        private final MqttAsyncClient client;
        private final AtomicLong received = new AtomicLong();
        /** Empty messages, which only show that messages reach this subscriber: counted apart. */
        private final AtomicLong probes = new AtomicLong();
        // Not copy-on-write: a spy may keep hundreds of thousands of messages, one at a time.
        private final List<Arrival> kept = Collections.synchronizedList(new ArrayList<>());
        private final boolean keep;
        private volatile long lastArrival;

        Subscriber(BrokerLogin broker, String topic) throws MqttException {
            this(broker, topic, false);
        }

        /** With {@code keep}, every message is kept with its topic and arrival time. */
        Subscriber(BrokerLogin broker, String topic, boolean keep) throws MqttException {
            this(broker, "bench-sub-" + System.nanoTime(), topic, keep);
        }

        private Subscriber(BrokerLogin broker, String clientId, String topic, boolean keep) throws MqttException {
            this.keep = keep;
            client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
            client.setCallback(this);
            MqttConnectionOptions options = broker.apply(new MqttConnectionOptions());
            options.setCleanStart(topic != null);
            options.setReceiveMaximum(65_535);
            client.connect(options).waitForCompletion(10_000);
            if (topic != null) {
                client.subscribe(topic, 1).waitForCompletion(10_000);
            }
        }

        /** Takes up the persistent session of {@code clientId}, and what the broker queued for it. */
        static Subscriber resuming(BrokerLogin broker, String clientId) throws MqttException {
            return new Subscriber(broker, clientId, null, false);
        }

        long received() {
            return received.get();
        }

        long probes() {
            return probes.get();
        }

        long lastArrivalNanos() {
            return lastArrival;
        }

        /** Waits until {@code count} arrived, or nothing more arrived for 3 s (a broker that drops messages). */
        void awaitReceived(long count) throws InterruptedException {
            long last = -1;
            long lastChange = System.nanoTime();
            while (received.get() < count && System.nanoTime() - lastChange < 3_000_000_000L) {
                if (received.get() != last) {
                    last = received.get();
                    lastChange = System.nanoTime();
                }
                Thread.sleep(1);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (message.getPayload().length == 0) {
                probes.incrementAndGet();
                return;
            }
            lastArrival = System.nanoTime();
            received.incrementAndGet();
            if (keep) {
                kept.add(new Arrival(topic, message.getPayload(), lastArrival));
            }
        }

        List<Arrival> kept() {
            synchronized (kept) {
                return List.copyOf(kept);
            }
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

        @Override
        public void close() throws MqttException {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }

    /** A connected publisher that sends one message at a time, QoS 1, and waits for the broker's ack. */
    static final class Publisher implements AutoCloseable {

        private final MqttAsyncClient client;

        Publisher(BrokerLogin broker) throws MqttException {
            client = new MqttAsyncClient(broker.url(), "bench-pub-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectionOptions options = broker.apply(new MqttConnectionOptions());
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(10_000);
        }

        void publish(String topic, byte[] payload) throws MqttException {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            client.publish(topic, message).waitForCompletion(10_000);
        }

        @Override
        public void close() throws MqttException {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }

    /**
     * Publishes the payloads in order, QoS 1, with a window of 64 in flight (below the broker's limit), from a
     * client connected first.
     *
     * @return when the first publish was handed to Paho ({@link System#nanoTime()}), the connection made
     */
    /**
     * One QoS 1 message at a time from a publisher to one subscriber through the broker, {@code messages} times:
     * each one's latency in milliseconds (the floor under anything that crosses the broker once).
     */
    static List<Long> oneWay(BrokerLogin broker, String topic, int messages) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Subscriber subscriber = new Subscriber(broker, topic, true); Publisher publisher = new Publisher(broker)) {
            for (int m = 1; m <= messages; m++) {
                long sent = System.nanoTime();
                publisher.publish(topic, new byte[600]);
                subscriber.awaitReceived(m);
                latencies.add((subscriber.kept().get(m - 1).nanos() - sent) / 1_000_000);
            }
        }
        return latencies;
    }

    /** Threads a Paho v5 client costs per open connection, measured over {@code clients} connected at once. */
    static double threadsPerConnection(BrokerLogin broker, int clients) throws Exception {
        int before = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
        List<MqttAsyncClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                MqttAsyncClient client = new MqttAsyncClient(broker.url(), "bench-threads-" + i + "-"
                        + System.nanoTime(), new MemoryPersistence());
                client.connect(broker.apply(new MqttConnectionOptions())).waitForCompletion(10_000);
                open.add(client);
            }
            return (java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount() - before)
                    / (double) clients;
        } finally {
            for (MqttAsyncClient client : open) {
                client.disconnect().waitForCompletion(10_000);
                client.close();
            }
        }
    }

    static long publish(BrokerLogin broker, String topic, List<byte[]> payloads) throws Exception {
        MqttAsyncClient publisher = new MqttAsyncClient(broker.url(), "bench-pub-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectionOptions options = broker.apply(new MqttConnectionOptions());
        options.setCleanStart(true);
        IMqttToken connected = publisher.connect(options);
        connected.waitForCompletion(10_000);
        Integer brokerMax = connected.getResponseProperties().getReceiveMaximum();
        Semaphore window = new Semaphore(Math.max(1, Math.min(64, (brokerMax == null ? 65_535 : brokerMax) - 2)));
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                window.release();
            }
        };
        long firstPublish = System.nanoTime();
        for (byte[] payload : payloads) {
            window.acquire();
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            while (true) {
                try {
                    publisher.publish(topic, message, null, release);
                    break;
                } catch (MqttException e) {
                    Thread.sleep(1);
                }
            }
        }
        publisher.disconnect().waitForCompletion(10_000);
        publisher.close();
        return firstPublish;
    }

    /**
     * Which Paho {@code CountingInputStream} this JVM copies received payloads with: retail-core's bulk-reading
     * stand-in (first on this module's class path, as in the applications) or Paho's own, a byte at a time.
     */
    static String payloadCopy() {
        try {
            CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class);
            return "payloads copied in bulk, as in the applications";
        } catch (NoSuchMethodException e) {
            return "Paho's byte-at-a-time payload copy";
        }
    }

    /**
     * Seconds to move {@code payloads} from a raw publisher to a raw subscriber through {@code broker}, on a
     * new topic under {@code root} (one the account may use).
     */
    static double move(BrokerLogin broker, String root, List<byte[]> payloads) throws Exception {
        String topic = root + "/bench/" + System.nanoTime();
        try (Subscriber subscriber = new Subscriber(broker, topic)) {
            long start = publish(broker, topic, payloads);
            subscriber.awaitReceived(payloads.size());
            if (subscriber.received() < payloads.size()) {
                throw new IllegalStateException("the broker dropped " + (payloads.size() - subscriber.received()));
            }
            return (subscriber.lastArrivalNanos() - start) / 1e9;
        }
    }
}
