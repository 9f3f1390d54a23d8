package io.chainretail.hq.mqtt;

import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Topics;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/** HQ's one MQTT connection, to the configured broker or to the embedded one. */
@Singleton
public class HqLink {

    private final HqConfig config;
    private final EmbeddedBroker broker;
    private final BrokerAccounts accounts;
    private final Topics topics;
    private final StoreMessages storeMessages;
    private MqttLink link;

    public HqLink(HqConfig config, EmbeddedBroker broker, BrokerAccounts accounts) {
        this.config = config;
        this.broker = broker;
        this.accounts = accounts;
        this.topics = new Topics(config.chain());
        this.storeMessages = new StoreMessages(config.chain(), topics);
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        String url = config.mqtt().url().orElseGet(broker::url);
        MqttSettings settings = MqttSettings.of(url, config.mqtt().clientId()).withWindow(config.mqtt().window())
                .withSessionExpiry(config.mqtt().sessionExpiry());
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
        link = new PahoMqttLink(settings);
        link.start();
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        if (link != null) {
            link.close();
        }
    }

    public Topics topics() {
        return topics;
    }

    /** Reads the control messages stores send HQ. */
    public StoreMessages storeMessages() {
        return storeMessages;
    }

    public boolean isConnected() {
        return link != null && link.isConnected();
    }

    public void subscribe(String filter, MqttLink.MessageHandler handler) {
        link.subscribe(filter, handler);
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return link.publish(topic, payload, false);
    }
}
