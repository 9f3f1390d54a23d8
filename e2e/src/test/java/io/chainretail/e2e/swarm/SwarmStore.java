package io.chainretail.e2e.swarm;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.Ack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated store, speaking the store agent's protocol to HQ over MQTT 5 and nothing else: its own broker
 * account and persistent session (client id {@code store-{code}@{run}}), a replica of every chain feed applied in
 * sequence order, and a journal of sales it uplinks with the real schema ({@code up.sale.v2}, in
 * {@code up.batch.v1} messages of up to 100 like the agent's backlog) and keeps until HQ acknowledges each event,
 * sending again what is not acknowledged in time.
 */
public final class SwarmStore {

    private static final int EVENTS_PER_MESSAGE = 100;

    private final String code;
    private final String chain;
    private final Topics topics;
    private final SyncCodec codec = new SyncCodec();
    private final SaleEvents sales;
    private final SwarmMeter meter;
    private final Mqtt5AsyncClient client;
    private final Map<String, FeedReplica> feeds = new ConcurrentHashMap<>();
    private final Map<UUID, Pending> unacknowledged = new ConcurrentHashMap<>();
    private final AtomicLong journalPosition = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();

    /** An event of the journal not yet acknowledged: when it was first sent (for the latency) and last sent. */
    private record Pending(SyncCodec.StoredEvent event, long firstSentNanos, long lastSentNanos) {
    }

    SwarmStore(String code, String chain, String brokerUrl, String clientId, String username, String password,
            SaleEvents sales, SwarmMeter meter) {
        this.code = code;
        this.chain = chain;
        this.topics = new Topics(chain);
        this.sales = sales;
        this.meter = meter;
        URI broker = URI.create(brokerUrl);
        var builder = MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(broker.getHost())
                .serverPort(broker.getPort()).automaticReconnect().initialDelay(1, TimeUnit.SECONDS)
                .maxDelay(5, TimeUnit.SECONDS).applyAutomaticReconnect();
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).applySimpleAuth();
        }
        this.client = builder.buildAsync();
        // Registered before connecting: a resumed session delivers what was queued before any subscribe returns.
        client.publishes(MqttGlobalPublishFilter.ALL, this::onMessage);
    }

    public String code() {
        return code;
    }

    /** Connects with its persistent session and subscribes to the chain's feeds and its acknowledgements. */
    CompletableFuture<Void> connect(Duration sessionExpiry) {
        return client.connectWith().cleanStart(false).sessionExpiryInterval(sessionExpiry.toSeconds()).keepAlive(30)
                .send().thenCompose(connAck -> client.subscribeWith()
                        .addSubscription().topicFilter(topics.allFeeds()).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .addSubscription().topicFilter(topics.ack(code)).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .send())
                .thenApply(subAck -> null);
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    CompletableFuture<Void> disconnect() {
        return client.disconnect().exceptionally(error -> null);
    }

    /** The replica of {@code feed} (empty until a delta of it arrives). */
    FeedReplica feed(String feed) {
        return feeds.computeIfAbsent(feed, f -> new FeedReplica());
    }

    /** Every feed replica's gaps, summed. */
    long gaps() {
        return feeds.values().stream().mapToLong(FeedReplica::gaps).sum();
    }

    /** Messages this store could not read (none are expected). */
    long rejected() {
        return rejected.get();
    }

    /** Events sent again because HQ had not acknowledged them in time. */
    long resent() {
        return resent.get();
    }

    /** Events of its journal HQ has not acknowledged. */
    public int unacknowledged() {
        return unacknowledged.size();
    }

    /**
     * Completes {@code count} sales into the journal; with {@code send}, uplinks them at once, else holds them
     * until {@link #sendHeld} (a store cut off from HQ).
     */
    public void sell(int count, Random random, boolean send) {
        List<SyncCodec.StoredEvent> sold = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long position = journalPosition.incrementAndGet();
            sold.add(new SyncCodec.StoredEvent(MessageSchema.SALE, EventIds.next(), position, Instant.now(),
                    codec.payloadJson(sales.sale(position, random))));
        }
        long now = System.nanoTime();
        sold.forEach(event -> unacknowledged.put(event.id(), new Pending(event, now, send ? now : 0)));
        if (send) {
            send(sold);
        }
    }

    /** Uplinks every event held back by {@link #sell} without sending, as a store back online does. */
    public void sendHeld() {
        sendWhere(pending -> pending.lastSentNanos == 0, System.nanoTime());
    }

    /** Sends again every event sent longer than {@code after} ago and not acknowledged yet. */
    void resendOlderThan(Duration after) {
        long now = System.nanoTime();
        sendWhere(pending -> pending.lastSentNanos != 0 && now - pending.lastSentNanos >= after.toNanos(), now);
    }

    private void sendWhere(java.util.function.Predicate<Pending> due, long now) {
        List<SyncCodec.StoredEvent> sending = new ArrayList<>();
        for (Map.Entry<UUID, Pending> entry : unacknowledged.entrySet()) {
            Pending pending = entry.getValue();
            if (due.test(pending)) {
                long first = pending.lastSentNanos == 0 ? now : pending.firstSentNanos;
                if (unacknowledged.replace(entry.getKey(), pending, new Pending(pending.event, first, now))) {
                    sending.add(pending.event);
                    if (pending.lastSentNanos != 0) {
                        resent.incrementAndGet();
                    }
                }
            }
        }
        sending.sort(java.util.Comparator.comparingLong(SyncCodec.StoredEvent::position));
        send(sending);
    }

    private void send(List<SyncCodec.StoredEvent> events) {
        for (int from = 0; from < events.size(); from += EVENTS_PER_MESSAGE) {
            List<SyncCodec.StoredEvent> message = events.subList(from, Math.min(events.size(),
                    from + EVENTS_PER_MESSAGE));
            String kind = message.size() == 1 ? "sale" : "batch";
            client.publishWith().topic(topics.up(code, kind)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(codec.encodeUplink(chain, code, message)).send();
        }
    }

    private void onMessage(Mqtt5Publish publish) {
        long arrived = System.nanoTime();
        String topic = publish.getTopic().toString();
        try {
            Envelope<?> envelope = codec.decode(publish.getPayloadAsBytes());
            if (topic.equals(topics.ack(code))) {
                onAck(envelope, arrived);
            } else if (envelope.seq() != null) {
                String feed = topic.substring(topic.lastIndexOf('/') + 1);
                feed(feed).offer(envelope.seq(), arrived);
                meter.deltaApplied();
            }
        } catch (MalformedMessageException | RuntimeException e) {
            rejected.incrementAndGet();
        }
    }

    private void onAck(Envelope<?> envelope, long arrived) throws MalformedMessageException {
        if (envelope.schema() != MessageSchema.ACK) {
            throw new MalformedMessageException("not an acknowledgement");
        }
        for (UUID id : envelope.payloadAs(Ack.class).eventIds()) {
            Pending pending = unacknowledged.remove(id);
            if (pending != null) {
                meter.acknowledged(arrived - pending.firstSentNanos);
            }
        }
    }
}
