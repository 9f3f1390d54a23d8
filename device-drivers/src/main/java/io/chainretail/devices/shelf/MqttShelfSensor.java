package io.chainretail.devices.shelf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.mqtt.MqttLink;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A shelf that publishes its weights as JSON on an MQTT topic (the store's local broker), instead of
 * being polled. Either the whole shelf, {@code {"grams":[1200,850,0]}}, or one slot,
 * {@code {"slot":1,"grams":850}}; grams are gross weights. The latest weights are what
 * {@link #readGrams} returns, so the same {@link WeighingShelf} smooths and counts them.
 *
 * <p>A payload that is not such JSON (or names a slot the shelf does not have, or a negative weight)
 * is counted in {@link #rejected()} and changes nothing. A shelf that has said nothing for
 * {@code staleAfter} is reported as failed, like a Modbus shelf that stops answering.
 */
public final class MqttShelfSensor implements ShelfSensor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Duration staleAfter;
    private final Function<String, MqttLink> connector;
    private final Clock clock;
    private final AtomicLong rejected = new AtomicLong();
    private MqttLink link;
    private int[] grams = new int[0];
    private Instant openedAt;
    private Instant heardAt;

    MqttShelfSensor(String topic, Duration staleAfter, Function<String, MqttLink> connector, Clock clock) {
        this.topic = topic;
        this.staleAfter = staleAfter;
        this.connector = connector;
        this.clock = clock;
    }

    /** Subscribes to {@code topic} on the broker at {@code brokerUrl} as {@code clientId}, no lasting session. */
    public static MqttShelfSensor on(String brokerUrl, String clientId, String topic, Duration staleAfter) {
        return new MqttShelfSensor(topic, staleAfter, ignored -> new PahoMqttLink(MqttSettings.of(brokerUrl, clientId)
                .withSessionExpiry(Duration.ZERO)), Clock.systemUTC());
    }

    @Override
    public synchronized void open() {
        close();
        openedAt = clock.instant();
        heardAt = null;
        link = connector.apply(topic);
        link.subscribe(topic, (ignored, payload) -> accept(payload));
        link.start();
    }

    /**
     * The latest weights, or {@code null} while the shelf has not yet reported every slot since it was
     * opened (and is not yet overdue).
     */
    @Override
    public synchronized int[] readGrams(int slots) throws IOException {
        if (link == null) {
            throw new IOException("the shelf on " + topic + " is not open");
        }
        Instant now = clock.instant();
        Instant last = heardAt == null ? openedAt : heardAt;
        if (Duration.between(last, now).compareTo(staleAfter) > 0) {
            throw new IOException("no reading on " + topic + " for " + staleAfter.toSeconds() + " s"
                    + (link.isConnected() ? "" : " (broker unreachable)"));
        }
        if (heardAt == null || grams.length < slots) {
            return null;
        }
        return java.util.Arrays.copyOf(grams, slots);
    }

    /** Payloads refused since start. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    private void accept(byte[] payload) {
        try {
            JsonNode message = JSON.readTree(payload);
            JsonNode weights = message == null ? null : message.get("grams");
            if (weights == null) {
                throw new IllegalArgumentException("no grams");
            }
            synchronized (this) {
                int[] next = weights.isArray() ? whole(weights) : oneSlot(message.get("slot"), weights);
                grams = next;
                heardAt = clock.instant();
            }
        } catch (IOException | IllegalArgumentException e) {
            rejected.incrementAndGet();
        }
    }

    private static int[] whole(JsonNode weights) {
        int[] next = new int[weights.size()];
        for (int i = 0; i < next.length; i++) {
            next[i] = weight(weights.get(i));
        }
        return next;
    }

    private int[] oneSlot(JsonNode slotNode, JsonNode weight) {
        if (slotNode == null || !slotNode.canConvertToInt() || slotNode.asInt() < 0 || slotNode.asInt() > 255) {
            throw new IllegalArgumentException("bad slot");
        }
        int slot = slotNode.asInt();
        int[] next = java.util.Arrays.copyOf(grams, Math.max(grams.length, slot + 1));
        next[slot] = weight(weight);
        return next;
    }

    private static int weight(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            throw new IllegalArgumentException("grams must be whole and not negative");
        }
        return node.asInt();
    }

    @Override
    public String toString() {
        return "mqtt:" + topic;
    }
}
