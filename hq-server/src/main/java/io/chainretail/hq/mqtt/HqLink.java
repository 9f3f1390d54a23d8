package io.chainretail.hq.mqtt;

import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Topics;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * HQ's MQTT connections: to the embedded broker, or to each of the chain's brokers. With several brokers every
 * store has a home broker (the one its agent is configured with); HQ subscribes on all of them, publishes the
 * change feed to each (see the outbox publisher), and sends a store's own messages (acknowledgements, sync
 * replies) to the broker that store was last heard on, or to every broker while it has not been heard yet.
 */
@Singleton
public class HqLink {

    private final HqConfig config;
    private final EmbeddedBroker broker;
    private final BrokerAccounts accounts;
    private final MeterRegistry metrics;
    private final Topics topics;
    private final StoreMessages storeMessages;
    private final List<BrokerLink> brokers = new ArrayList<>();
    private final BrokerRouting routing;

    public HqLink(HqConfig config, EmbeddedBroker broker, BrokerAccounts accounts, MeterRegistry metrics) {
        this.config = config;
        this.broker = broker;
        this.accounts = accounts;
        this.metrics = metrics;
        this.topics = new Topics(config.chain());
        this.storeMessages = new StoreMessages(config.chain(), topics);
        this.routing = new BrokerRouting(topics, brokers); // the brokers are added at start
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        for (String url : config.mqtt().url().orElseGet(() -> List.of(broker.url()))) {
            BrokerLink link = new BrokerLink(url, new PahoMqttLink(settings(url)));
            brokers.add(link);
            metrics.gauge("hq_broker_connected", Tags.of("broker", url), link, b -> b.isConnected() ? 1 : 0);
        }
    }

    /**
     * Connects once every part of HQ has subscribed (they do so as they start): HQ's persistent session's queued
     * messages arrive right after the connection is made, and one that no subscription matched yet would be
     * acknowledged and lost (a store's sales then wait for the store to send them again).
     */
    void connect(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        brokers.forEach(b -> b.link().start());
    }

    private MqttSettings settings(String url) {
        MqttSettings settings = MqttSettings.of(url, config.mqtt().clientId()).withWindow(config.mqtt().window())
                .withReceiveMaximum(config.mqtt().receiveMaximum()).withSessionExpiry(config.mqtt().sessionExpiry());
        if (config.mqtt().url().isEmpty()) {
            settings = settings.withCredentials(accounts.hqUsername(), accounts.hqPassword()); // embedded
        } else if (config.mqtt().username().isPresent()) {
            // An external broker's account is the operator's: exactly what is configured, no generated password.
            settings = settings.withCredentials(config.mqtt().username().get(), config.mqtt().password().orElse(""));
        }
        if (config.mqtt().trustStore().isPresent()) {
            settings = settings.withTrustStore(new MqttSettings.TrustStore(config.mqtt().trustStore().get(),
                    config.mqtt().trustStorePassword().orElse(null)));
        }
        return settings;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        brokers.forEach(b -> b.link().close());
    }

    public Topics topics() {
        return topics;
    }

    /** Reads the control messages stores send HQ. */
    public StoreMessages storeMessages() {
        return storeMessages;
    }

    /** The chain's brokers, in the configured order. */
    public List<BrokerLink> brokers() {
        return List.copyOf(brokers);
    }

    /** True while HQ is connected to at least one broker. */
    public boolean isConnected() {
        return brokers.stream().anyMatch(BrokerLink::isConnected);
    }

    /** Subscribes on every broker; a store's message also tells HQ which broker that store is on. */
    public void subscribe(String filter, MqttLink.MessageHandler handler) {
        routing.subscribe(filter, handler);
    }

    /**
     * Publishes with QoS 1: a store's topic to the broker the store was last heard on, any other topic (or a
     * store not heard yet) to every broker. The future completes when a broker it was sent to acknowledged it.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return routing.publish(topic, payload);
    }
}
