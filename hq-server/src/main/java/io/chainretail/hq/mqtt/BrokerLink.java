package io.chainretail.hq.mqtt;

import io.chainretail.core.mqtt.MqttLink;
import java.util.concurrent.CompletableFuture;

/** HQ's connection to one of the chain's brokers, named by its URL. */
public final class BrokerLink {

    private final String name;
    private final MqttLink link;

    BrokerLink(String name, MqttLink link) {
        this.name = name;
        this.link = link;
    }

    /** The broker's URL as configured: it names the broker in the feed's delivery records and in health. */
    public String name() {
        return name;
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return link.publish(topic, payload, false);
    }

    MqttLink link() {
        return link;
    }

    @Override
    public String toString() {
        return name;
    }
}
