package io.chainretail.core.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * Our view of an MQTT 5 connection, so that applications never touch the client library.
 *
 * <p>Publishes are QoS 1 and bounded by an in-flight window; handlers run on one thread per
 * subscription, in arrival order, never on the client's network thread.
 */
public interface MqttLink extends AutoCloseable {

    /** Starts connecting in the background and keeps reconnecting with backoff; returns at once. */
    void start();

    /** True while the connection to the broker is up. */
    boolean isConnected();

    /** Subscribes now and again after every reconnect. {@code filter} may be a {@code $share/} filter. */
    void subscribe(String filter, MessageHandler handler);

    /**
     * Publishes with QoS 1. The future completes when the broker acknowledged the message and fails
     * when it could not be sent (not connected, rejected); the caller decides whether to retry.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained);

    /**
     * Called after every successful (re)connect, e.g. to publish a retained online status; at once as well
     * when the link is connected already.
     */
    void onConnected(Runnable listener);

    @Override
    void close();

    /** Receives the messages of one subscription. */
    @FunctionalInterface
    interface MessageHandler {
        void handle(String topic, byte[] payload);
    }
}
