package io.chainretail.hq;

import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A store at the protocol level, on HQ's embedded broker: publishes uplink messages and collects HQ's
 * acknowledgements. It uses HQ's own account, so that HQ's checks (not the broker's ACL, which
 * BrokerSecurityTest covers) are what refuses an impostor, as on a broker without an ACL.
 */
public final class TestStore implements AutoCloseable {

    private final SyncCodec codec = new SyncCodec();
    private final Topics topics = new Topics("demo");
    private final String code;
    private final PahoMqttLink link;
    /** Event ids HQ acknowledged, in the order they came. */
    public final BlockingQueue<UUID> acks = new LinkedBlockingQueue<>();

    /** Connects and returns once the broker confirmed the subscription to the store's acknowledgements. */
    public TestStore(EmbeddedBroker broker, BrokerAccounts accounts, String code) throws InterruptedException {
        this.code = code;
        this.link = new PahoMqttLink(MqttSettings.of(broker.url(), "test-store-" + UUID.randomUUID())
                .withSessionExpiry(Duration.ZERO).withCredentials(accounts.hqUsername(), accounts.hqPassword()));
        link.subscribe(topics.ack(code), (topic, bytes) -> {
            try {
                acks.addAll(codec.decode(bytes).payloadAs(Ack.class).eventIds());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        link.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!link.isSubscribed(topics.ack(code))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("store " + code + " could not subscribe to its acknowledgements");
            }
            Thread.sleep(10);
        }
    }

    /** Subscribes to {@code topic}; answers the queue its messages arrive in, once the broker confirmed it. */
    /** The store this test store speaks for. */
    public String code() {
        return code;
    }

    public BlockingQueue<byte[]> listen(String topic) throws InterruptedException {
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        link.subscribe(topic, (t, bytes) -> received.add(bytes));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!link.isSubscribed(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not subscribe to " + topic);
            }
            Thread.sleep(10);
        }
        return received;
    }

    /** Publishes on this store's uplink topic of {@code kind} and waits until the broker has it. */
    public void publish(String kind, byte[] message) throws Exception {
        publishOn(code, kind, message);
    }

    /** Publishes on another store's uplink topic (as an impostor would, where no ACL stops it). */
    public void publishOn(String store, String kind, byte[] message) throws Exception {
        link.publish(topics.up(store, kind), message, false).get(5, TimeUnit.SECONDS);
    }

    /** The next acknowledged event id, or null if none came within 10 s. */
    public UUID nextAck() throws InterruptedException {
        return acks.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        link.close();
    }
}
