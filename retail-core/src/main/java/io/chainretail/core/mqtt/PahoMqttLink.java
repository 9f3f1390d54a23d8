package io.chainretail.core.mqtt;

import io.chainretail.core.concurrent.DaemonThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;

/**
 * The Paho MQTT 5 adapter. It designs around Paho's pitfalls (docs/decisions/0003):
 * publishes are held to a window below the broker's receive maximum, so Paho never throws "Too many
 * publishes in progress"; messages are handed off to one executor per subscription, so nothing
 * blocks the callback thread; every (re)connect resubscribes.
 *
 * <p>A message is acknowledged to the broker (PUBACK) only once its handlers returned, so the receive maximum
 * ({@link MqttSettings#receiveMaximum()}) bounds what waits in this process: a handler that cannot keep up
 * holds the broker back instead of filling the heap.
 *
 * <p>Paho's in-memory persistence is enough: undelivered uplink events live in the store journal
 * and are resent from there, so nothing rests on the client's buffer.
 */
public final class PahoMqttLink implements MqttLink {

    private static final Logger LOG = Logger.getLogger(PahoMqttLink.class.getName());
    /** Paho's "Too many publishes in progress" (MqttClientException.REASON_CODE_MAX_INFLIGHT). */
    private static final int MAX_INFLIGHT_REASON = 32202;
    private static final long RETRY_MILLIS = 1_000;

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("mqtt-connect"));
    /**
     * QoS 1 publishes in flight, across reconnects: after a reconnect with its session, Paho sends again what
     * was in flight, so a fresh window per connection let old and new publishes together pass the broker's
     * receive maximum, and Mosquitto dropped the connection for that, again at every reconnect.
     */
    private final Window window;
    private volatile boolean closed;
    /** Counts connections, so an acknowledgement goes only to the connection its message came on. */
    private final AtomicInteger connection = new AtomicInteger();

    public PahoMqttLink(MqttSettings settings) {
        this.settings = settings;
        this.window = new Window(settings.window());
        try {
            this.client = new MqttAsyncClient(settings.brokers().get(0), settings.clientId(), new MemoryPersistence());
            PahoTopicAliases.sendTopicNamesAlways(client).ifPresent(LOG::warning);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + settings.url() + ": "
                    + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        client.setManualAcks(true);
    }

    @Override
    public void start() {
        payloadCopyProblem().ifPresent(problem -> LOG.warning(problem + ": every received payload is copied a "
                + "byte at a time. Leave Paho's out with quarkus.class-loading.removed-resources, as hq-server and "
                + "store-agent do."));
        connector.execute(this::connectOnce);
    }

    /**
     * What keeps Paho from copying received payloads in bulk here, if anything: retail-core's
     * {@link CountingInputStream} must be the only one on the class path (Paho's reads a byte at a time).
     */
    public static Optional<String> payloadCopyProblem() {
        try {
            String resource = CountingInputStream.class.getName().replace('.', '/') + ".class";
            int copies = Collections.list(PahoMqttLink.class.getClassLoader().getResources(resource)).size();
            if (copies > 1) {
                return Optional.of("Paho's CountingInputStream is on the class path beside retail-core's");
            }
            CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class);
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of("Paho's own CountingInputStream is loaded");
        } catch (IOException e) {
            return Optional.of("the class path could not be read: " + e.getMessage());
        }
    }

    private void connectOnce() {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            IMqttToken token = client.connect(options());
            token.waitForCompletion(10_000);
            Integer brokerMax = token.getResponseProperties() == null ? null
                    : token.getResponseProperties().getReceiveMaximum();
            // Leave a margin below the broker's receive maximum: Paho counts a slot free a moment late.
            int size = brokerMax == null ? settings.window() : Math.min(settings.window(), brokerMax - 2);
            window.resize(Math.max(1, size));
        } catch (MqttException e) {
            // The broker is not there (yet, or again): keep trying.
            LOG.log(Level.FINE, "MQTT connect to {0} failed: {1}", new Object[] {settings.url(), e.getMessage()});
            retrySoon();
        }
    }

    /**
     * Tries again in about a second, with jitter so a chain's stores do not all knock at once. We retry
     * ourselves rather than use Paho's automatic reconnect, whose doubling delay left a store offline for
     * up to twice its maximum after its broker was back.
     */
    private void retrySoon() {
        if (!closed) {
            try {
                long delay = RETRY_MILLIS + ThreadLocalRandom.current().nextLong(RETRY_MILLIS / 2);
                connector.schedule(this::connectOnce, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (settings.brokers().size() > 1) {
            // Paho tries them in order at every connect: the first (home) broker whenever it can be reached.
            options.setServerURIs(settings.brokers().toArray(String[]::new));
        }
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(15);
        options.setConnectionTimeout(10);
        options.setReceiveMaximum(settings.receiveMaximum());
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0]
                    : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.trustStore() != null) {
            // Paho's own TLS settings: the broker's certificate is checked against this store, and its host
            // name against the certificate (Paho verifies the host name unless told not to).
            java.util.Properties tls = new java.util.Properties();
            tls.setProperty("com.ibm.ssl.trustStore", settings.trustStore().path());
            if (settings.trustStore().password() != null) {
                tls.setProperty("com.ibm.ssl.trustStorePassword", settings.trustStore().password());
            }
            tls.setProperty("com.ibm.ssl.trustStoreType",
                    settings.trustStore().path().endsWith(".jks") ? "JKS" : "PKCS12");
            options.setSSLProperties(tls);
        }
        if (settings.willTopic() != null) {
            MqttMessage will = new MqttMessage(settings.willPayload());
            will.setQos(1);
            will.setRetained(true);
            options.setWill(settings.willTopic(), will);
        }
        return options;
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    /** True once the broker confirmed the subscription to {@code filter} on the current connection. */
    public boolean isSubscribed(String filter) {
        Subscription subscription = subscriptions.get(filter);
        return subscription != null && subscription.confirmed && client.isConnected();
    }

    @Override
    public void subscribe(String filter, MessageHandler handler) {
        Subscription subscription = new Subscription(filter, handler);
        subscriptions.put(filter, subscription);
        if (client.isConnected()) {
            subscribeOnBroker(subscription);
        }
    }

    private void subscribeOnBroker(Subscription subscription) {
        try {
            MqttSubscription[] request = {new MqttSubscription(subscription.filter, 1)};
            client.subscribe(request, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscription.confirmed = true;
                    LOG.log(Level.FINE, "subscribed to {0}", subscription.filter);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.log(Level.WARNING, "cannot subscribe to " + subscription.filter, error);
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "cannot subscribe to " + subscription.filter, e);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Semaphore permits = window;
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
            return result;
        }
        send(topic, payload, retained, result, permits, 0);
        return result;
    }

    private void send(String topic, byte[] payload, boolean retained, CompletableFuture<Void> result,
            Semaphore permits, int attempt) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    permits.release();
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    permits.release();
                    result.completeExceptionally(error);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MAX_INFLIGHT_REASON && attempt < 1000) {
                // Paho frees its slot a moment after our completion callback ran; try again shortly.
                connector.schedule(() -> send(topic, payload, retained, result, permits, attempt + 1),
                        2, TimeUnit.MILLISECONDS);
                return;
            }
            permits.release();
            result.completeExceptionally(e);
        }
    }

    @Override
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
        // Connected already (the link connects on its own thread, and may win the race with whoever registers
        // next): run it now, or a store that connected during its start-up never asked HQ to catch it up.
        if (client.isConnected()) {
            runListener(listener);
        }
    }

    private static void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connect listener failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                // A live broker answers in milliseconds; one that has just died (the client has not noticed yet)
                // never does, and a store agent stopping then should not hang: unacknowledged events stay in
                // its journal and go again after the next start.
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.log(Level.FINE, "disconnect failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
        subscriptions.values().forEach(s -> s.executor.shutdown());
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connection.incrementAndGet();
            subscriptions.values().forEach(PahoMqttLink.this::subscribeOnBroker);
            connectedListeners.forEach(PahoMqttLink::runListener);
            LOG.log(Level.INFO, "MQTT connected to {0} as {1}", new Object[] {serverUri, settings.clientId()});
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            subscriptions.values().forEach(s -> s.confirmed = false);
            LOG.log(Level.INFO, "MQTT disconnected from {0}: {1}", new Object[] {client.getCurrentServerURI(),
                    response});
            retrySoon();
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.log(Level.WARNING, "MQTT error", exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            List<Subscription> matching = subscriptions.values().stream().filter(s -> s.matches(topic)).toList();
            Runnable acknowledge = acknowledgement(message);
            AtomicInteger handling = new AtomicInteger(matching.size());
            for (Subscription subscription : matching) {
                subscription.executor.execute(() -> {
                    subscription.deliver(topic, payload);
                    if (handling.decrementAndGet() == 0) {
                        acknowledge.run();
                    }
                });
            }
            if (matching.isEmpty()) {
                acknowledge.run();
            }
        }

        /**
         * Acknowledges {@code message} to the broker, on the connection it came on: after a reconnect its id may
         * name another message, which the broker sends again anyway.
         */
        private Runnable acknowledgement(MqttMessage message) {
            int arrivedOn = connection.get();
            return () -> {
                if (message.getQos() == 0 || connection.get() != arrivedOn || !client.isConnected()) {
                    return;
                }
                try {
                    client.messageArrivedComplete(message.getId(), message.getQos());
                } catch (MqttException e) {
                    LOG.log(Level.FINE, "could not acknowledge message " + message.getId(), e);
                }
            };
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    /** A semaphore whose number of permits can be changed while some are taken. */
    private static final class Window extends Semaphore {
        private int size;

        Window(int size) {
            super(size);
            this.size = size;
        }

        synchronized void resize(int newSize) {
            if (newSize > size) {
                release(newSize - size);
            } else if (newSize < size) {
                reducePermits(size - newSize);
            }
            size = newSize;
        }
    }

    private static final class Subscription {
        private final String filter;
        private final String matchFilter;
        private final MessageHandler handler;
        private final ExecutorService executor;
        /** The broker confirmed it on the current connection. */
        private volatile boolean confirmed;

        Subscription(String filter, MessageHandler handler) {
            this.filter = filter;
            this.matchFilter = filter.startsWith("$share/")
                    ? filter.substring(filter.indexOf('/', "$share/".length()) + 1)
                    : filter;
            this.handler = handler;
            this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named("mqtt-" + matchFilter));
        }

        boolean matches(String topic) {
            return MqttTopicValidator.isMatched(matchFilter, topic);
        }

        void deliver(String topic, byte[] payload) {
            try {
                handler.handle(topic, payload);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handler for " + filter + " failed on " + topic, e);
            }
        }
    }
}
