package io.chainretail.hq.mqtt;

import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.sync.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which of the chain's brokers a message goes to. Every store has a home broker, the one its agent connects to
 * (or the one it failed over to), learnt from the store's own messages: a store's topic goes to the broker that
 * store was last heard on, any other topic, or a store not heard yet, to every broker (the first acknowledgement
 * counts). A store's status does not count: it is retained, so an old one comes from a broker the store has left.
 */
final class BrokerRouting {

    private final Topics topics;
    private final List<BrokerLink> brokers;
    private final Map<String, BrokerLink> homeBrokers = new ConcurrentHashMap<>();

    BrokerRouting(Topics topics, List<BrokerLink> brokers) {
        this.topics = topics;
        this.brokers = brokers;
    }

    /** Subscribes on every broker; a store's message also tells which broker that store is on. */
    void subscribe(String filter, MqttLink.MessageHandler handler) {
        for (BrokerLink broker : brokers) {
            broker.link().subscribe(filter, (topic, payload) -> {
                // A status is retained: a broker the store has left hands its last one to HQ on every reconnect.
                if (brokers.size() > 1 && !topics.isStatus(topic)) {
                    topics.storeOf(topic).ifPresent(store -> homeBrokers.put(store, broker));
                }
                handler.handle(topic, payload);
            });
        }
    }

    /** Publishes with QoS 1; the future completes when a broker it was sent to acknowledged it. */
    CompletableFuture<Void> publish(String topic, byte[] payload) {
        if (brokers.size() == 1) {
            return brokers.get(0).publish(topic, payload);
        }
        BrokerLink home = topics.storeOf(topic).map(homeBrokers::get).orElse(null);
        if (home != null) {
            return home.publish(topic, payload);
        }
        return firstAcknowledged(brokers.stream().map(b -> b.publish(topic, payload)).toList());
    }

    private static CompletableFuture<Void> firstAcknowledged(List<CompletableFuture<Void>> sends) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        for (CompletableFuture<Void> send : sends) {
            send.whenComplete((done, error) -> {
                if (error == null) {
                    result.complete(null);
                } else if (failed.incrementAndGet() == sends.size()) {
                    result.completeExceptionally(error);
                }
            });
        }
        return result;
    }
}
