package io.chainretail.agent.uplink;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.Ack;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.chainretail.core.concurrent.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends undelivered journal events to HQ in journal order and marks them delivered only when HQ's
 * acknowledgement arrives. An event without an acknowledgement is sent again after
 * {@code agent.uplink.resend-after}; HQ stores it once however often it arrives.
 *
 * <p>A committed journal event wakes the sender at once. While nothing is in flight and nothing new
 * was journaled the periodic round does not touch the database: a store has dozens of idle agents'
 * worth of neighbours on a shared HQ machine in tests, and tills are idle most of the day.
 */
@ApplicationScoped
public class UplinkPublisher {

    private static final Logger LOG = Logger.getLogger(UplinkPublisher.class);

    private final StoreLink link;
    private final AgentConfig config;
    private final Journal journal;
    private final SyncCodec codec = new SyncCodec();
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    /** Something may wait in the journal that this sender has not seen: set on append, reconnect, failure. */
    private final AtomicBoolean unseen = new AtomicBoolean(true);
    private final MeterRegistry metrics;
    private PeriodicTask task;

    public UplinkPublisher(StoreLink link, AgentConfig config, Journal journal, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.journal = journal;
        this.metrics = metrics;
        metrics.gauge("agent_uplink_backlog", this, UplinkPublisher::backlog);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe(link.topics().ack(config.store()), this::onAck);
        // After a reconnect, send everything unacknowledged again rather than wait for the resend timer.
        link.onConnected(() -> {
            sentAt.clear();
            wake();
        });
        task = PeriodicTask.start("uplink-publisher", config.uplink().poll(), this::send);
    }

    /** An event committed: send it now rather than at the next round. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journal.Appended event) {
        wake();
    }

    private void wake() {
        unseen.set(true);
        if (task != null) {
            task.wake();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    void send() {
        if (!link.isConnected() || !unseen.getAndSet(false) && sentAt.isEmpty()) {
            return;
        }
        List<JournalEntry> pending = QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find(
                "deliveredAt is null order by position").page(0, config.uplink().batch()).list());
        if (pending.size() < config.uplink().batch()) {
            // Forget what was acknowledged, so the map holds only events still in flight.
            sentAt.keySet().retainAll(pending.stream().map(e -> e.position).toList());
        }
        long now = System.currentTimeMillis();
        long resendAfter = config.uplink().resendAfter().toMillis();
        for (JournalEntry entry : pending) {
            Long last = sentAt.get(entry.position);
            if (last != null && now - last < resendAfter) {
                continue;
            }
            sentAt.put(entry.position, now);
            link.publish(link.topics().up(config.store(), entry.kind), encode(entry))
                    .exceptionally(error -> {
                        sentAt.remove(entry.position);
                        unseen.set(true);
                        return null;
                    });
        }
    }

    private byte[] encode(JournalEntry entry) {
        MessageSchema schema = MessageSchema.byId(entry.schemaId).orElseThrow();
        try {
            Object payload = codec.readPayload(entry.payload, schema.payloadType());
            return codec.encode(new Envelope<>(schema, UUID.fromString(entry.eventId), config.chain(),
                    config.store(), null, entry.position, entry.occurredAt, payload));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("journal entry " + entry.position + " is corrupt", e);
        }
    }

    void onAck(String topic, byte[] bytes) {
        try {
            Envelope<?> envelope = codec.decode(bytes);
            if (envelope.schema() != MessageSchema.ACK || !config.chain().equals(envelope.chain())) {
                throw new MalformedMessageException("not an acknowledgement for this chain");
            }
            List<String> ids = envelope.payloadAs(Ack.class).eventIds().stream().map(UUID::toString).toList();
            journal.markDelivered(ids);
            metrics.counter("agent_uplink_events_acknowledged_total").increment(ids.size());
        } catch (MalformedMessageException e) {
            metrics.counter("agent_messages_rejected_total", "topic", "ack").increment();
            LOG.warnf("Rejected message on %s: %s", topic, e.getMessage());
        }
    }

    private double backlog() {
        try {
            return journal.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
