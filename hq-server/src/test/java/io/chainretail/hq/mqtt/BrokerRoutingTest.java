package io.chainretail.hq.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.sync.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** HQ answers each store on the broker it last heard it on, and sends everything else to every broker. */
class BrokerRoutingTest {

    private final Topics topics = new Topics("acme");
    private final FakeBroker a = new FakeBroker();
    private final FakeBroker b = new FakeBroker();
    private final BrokerRouting routing = new BrokerRouting(topics,
            List.of(new BrokerLink("tcp://a:1883", a), new BrokerLink("tcp://b:1883", b)));
    private final List<String> handled = new ArrayList<>();

    BrokerRoutingTest() {
        routing.subscribe(topics.allUplinks(), (topic, payload) -> handled.add(topic));
    }

    @Test
    void aStoreNotHeardYetIsAnsweredOnEveryBroker() {
        routing.publish(topics.ack("0001"), new byte[0]);

        assertEquals(List.of(topics.ack("0001")), a.sent);
        assertEquals(List.of(topics.ack("0001")), b.sent);
    }

    @Test
    void aStoreIsAnsweredOnlyOnTheBrokerItWasLastHeardOn() {
        b.deliver(topics.up("0002", "sale"));
        routing.publish(topics.ack("0002"), new byte[0]);
        assertEquals(List.of(), a.sent);
        assertEquals(List.of(topics.ack("0002")), b.sent);

        a.deliver(topics.up("0002", "sale")); // the store moved to broker a
        routing.publish(topics.syncReply("0002"), new byte[0]);
        assertEquals(List.of(topics.syncReply("0002")), a.sent);
        assertEquals(List.of(topics.up("0002", "sale"), topics.up("0002", "sale")), handled);
    }

    @Test
    void aRetainedStatusFromABrokerTheStoreLeftDoesNotMoveIt() {
        b.deliver(topics.up("0003", "sale")); // failed over to b
        a.deliver(topics.status("0003")); // HQ reconnects to a, which hands over the store's last status there

        routing.publish(topics.ack("0003"), new byte[0]);

        assertEquals(List.of(), a.sent);
        assertEquals(List.of(topics.ack("0003")), b.sent);
        assertEquals(List.of(topics.up("0003", "sale"), topics.status("0003")), handled);
    }

    @Test
    void theChainsOwnTopicsGoToEveryBroker() {
        b.deliver(topics.up("0002", "sale"));
        routing.publish(topics.feed("prices"), new byte[0]);

        assertEquals(List.of(topics.feed("prices")), a.sent);
        assertEquals(List.of(topics.feed("prices")), b.sent);
    }

    @Test
    void sentToEveryBrokerItCountsOnceOneAcknowledgedAndFailsOnlyWhenAllFailed() {
        a.answer = new CompletableFuture<>();
        b.answer = new CompletableFuture<>();
        CompletableFuture<Void> sent = routing.publish(topics.ack("0003"), new byte[0]);
        a.answer.completeExceptionally(new IllegalStateException("broker a is down"));
        assertFalse(sent.isDone(), "broker b may still acknowledge");
        b.answer.complete(null);
        assertTrue(sent.isDone() && !sent.isCompletedExceptionally());

        a.answer = new CompletableFuture<>();
        b.answer = new CompletableFuture<>();
        CompletableFuture<Void> lost = routing.publish(topics.ack("0004"), new byte[0]);
        a.answer.completeExceptionally(new IllegalStateException("broker a is down"));
        b.answer.completeExceptionally(new IllegalStateException("broker b is down"));
        assertTrue(lost.isCompletedExceptionally());
    }

    /** A broker connection that records what is published on it and delivers what a test sends (any topic). */
    private static final class FakeBroker implements MqttLink {
        private final List<String> sent = new ArrayList<>();
        private final List<MessageHandler> handlers = new ArrayList<>();
        private CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);

        void deliver(String topic) {
            handlers.forEach(handler -> handler.handle(topic, new byte[0]));
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void subscribe(String filter, MessageHandler handler) {
            handlers.add(handler);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
            sent.add(topic);
            return answer;
        }

        @Override
        public void onConnected(Runnable listener) {
        }

        @Override
        public void close() {
        }
    }
}
