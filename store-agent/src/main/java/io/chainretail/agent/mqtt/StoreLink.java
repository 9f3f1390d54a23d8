package io.chainretail.agent.mqtt;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.StoreStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The store's MQTT connection: persistent session under a stable client id, and a retained
 * last-will that turns the store's status {@code offline} when the connection dies.
 */
@Singleton
public class StoreLink {

    private final AgentConfig config;
    private final Topics topics;
    private final SyncCodec codec = new SyncCodec();
    private MqttLink link;

    public StoreLink(AgentConfig config) {
        this.config = config;
        this.topics = new Topics(config.chain());
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        AgentConfig.Mqtt mqtt = config.mqtt();
        String clientId = mqtt.clientId().orElse("store-" + config.store());
        MqttSettings settings = MqttSettings.of(String.join(",", mqtt.url()), clientId)
                .withWindow(mqtt.window())
                .withSessionExpiry(mqtt.sessionExpiry())
                .withWill(topics.status(config.store()), status(StoreStatus.offline()));
        if (mqtt.username().isPresent()) {
            settings = settings.withCredentials(mqtt.username().get(), mqtt.password().orElse(""));
        }
        if (mqtt.trustStore().isPresent()) {
            settings = settings.withTrustStore(new MqttSettings.TrustStore(mqtt.trustStore().get(),
                    mqtt.trustStorePassword().orElse(null)));
        }
        link = new PahoMqttLink(settings);
    }

    /**
     * Connects once every part of the agent has subscribed (they do so as they start): a persistent session's
     * queued messages arrive right after the connection is made, and one that no subscription matched yet would
     * be acknowledged and lost (a feed delta asked for again, an acknowledgement waited for again).
     */
    void connect(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        link.start();
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        if (link != null) {
            link.publish(topics.status(config.store()), status(StoreStatus.offline()), true);
            link.close();
        }
    }

    /** Publishes this store's retained status (see {@link io.chainretail.agent.sync.StatusReporter}). */
    public CompletableFuture<Void> publishStatus(StoreStatus status) {
        return link.publish(topics.status(config.store()), status(status), true);
    }

    private byte[] status(StoreStatus status) {
        return codec.encode(new Envelope<>(MessageSchema.STATUS, EventIds.next(), config.chain(), config.store(),
                null, null, Instant.now(), status));
    }

    public Topics topics() {
        return topics;
    }

    public boolean isConnected() {
        return link != null && link.isConnected();
    }

    public void onConnected(Runnable listener) {
        link.onConnected(listener);
    }

    public void subscribe(String filter, MqttLink.MessageHandler handler) {
        link.subscribe(filter, handler);
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return link.publish(topic, payload, false);
    }
}
