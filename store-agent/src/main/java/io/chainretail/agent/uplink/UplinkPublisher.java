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
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends undelivered journal events to HQ in journal order and marks them delivered only when HQ's
 * acknowledgement arrives. An event without an acknowledgement is sent again after
 * {@code agent.uplink.resend-after}; HQ stores it once however often it arrives.
 *
 * <p>Several events due at once (a backlog) go as {@code up.batch.v1} messages of up to
 * {@value #EVENTS_PER_MESSAGE}; HQ still stores and acknowledges each event by its own id.
 *
 * <p>A committed journal event wakes the sender within {@code agent.uplink.linger}, so the events of
 * several lanes committed close together travel in one message. While nothing is in flight and nothing new
 * was journaled the periodic round does not touch the database: a store has dozens of idle agents'
 * worth of neighbours on a shared HQ machine in tests, and tills are idle most of the day.
 */
@ApplicationScoped
public class UplinkPublisher {

    private static final Logger LOG = Logger.getLogger(UplinkPublisher.class);
    /**
     * Events sent in one message when several are due: a store back from an outage sends its backlog
     * in messages of this many (about 180 KB of sales), not one message per event.
     */
    private static final int EVENTS_PER_MESSAGE = 100;
    /**
     * How often acknowledged events are marked delivered, together (a commit per 500): one commit per
     * acknowledgement, beside the tills' own commits, doubled the store database's commits while selling.
     * Marked later only means an event may be sent again after a crash, which HQ counts as a duplicate.
     */
    private static final Duration MARK_EVERY = Duration.ofMillis(250);
    private static final int MARKED_PER_STATEMENT = 500;

    private final StoreLink link;
    private final AgentConfig config;
    private final Journal journal;
    private final SyncCodec codec = new SyncCodec();
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    /** Something may wait in the journal that this sender has not seen: set on append, reconnect, failure. */
    private final AtomicBoolean unseen = new AtomicBoolean(true);
    /** Event ids HQ has acknowledged and the journal does not yet say are delivered. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final MeterRegistry metrics;
    private final InstantSource clock;
    private PeriodicTask task;
    private PeriodicTask marker;

    public UplinkPublisher(StoreLink link, AgentConfig config, Journal journal, MeterRegistry metrics,
            InstantSource clock) {
        this.link = link;
        this.clock = clock;
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
        marker = PeriodicTask.start("uplink-acknowledged", MARK_EVERY, this::markAcknowledged);
    }

    /** An event committed: send it with whatever else commits within the linger, not at the next round. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journal.Appended event) {
        wakeWithin(config.uplink().linger());
    }

    private void wake() {
        wakeWithin(Duration.ZERO);
    }

    private void wakeWithin(Duration linger) {
        unseen.set(true);
        if (task != null) {
            task.wakeWithin(linger);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
        if (marker != null) {
            marker.close();
            markAcknowledged();
        }
    }

    void send() {
        if (!link.isConnected() || !unseen.getAndSet(false) && sentAt.isEmpty()) {
            return;
        }
        // Ordered as the index on (delivered_at, position) is, so a batch is read off the index: ordered by
        // position alone, H2 reads and sorts every undelivered event for each batch (as HQ's outbox did).
        List<JournalEntry> pending = QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find(
                "deliveredAt is null order by deliveredAt, position").page(0, config.uplink().batch()).list());
        if (pending.size() < config.uplink().batch()) {
            // Forget what was acknowledged, so the map holds only events still in flight.
            sentAt.keySet().retainAll(pending.stream().map(e -> e.position).toList());
        }
        long now = clock.millis();
        long resendAfter = config.uplink().resendAfter().toMillis();
        List<JournalEntry> due = new ArrayList<>();
        for (JournalEntry entry : pending) {
            Long last = sentAt.get(entry.position);
            if (last == null || now - last >= resendAfter) {
                sentAt.put(entry.position, now);
                due.add(entry);
            }
        }
        for (List<JournalEntry> message : messages(due)) {
            String kind = message.size() == 1 ? message.get(0).kind : "batch";
            link.publish(link.topics().up(config.store(), kind), encode(message))
                    .exceptionally(error -> {
                        message.forEach(entry -> sentAt.remove(entry.position));
                        unseen.set(true);
                        return null;
                    });
        }
    }

    /**
     * Cuts the due events, in journal order, into messages of at most {@value #EVENTS_PER_MESSAGE} events
     * and about {@code agent.uplink.max-message-bytes} of payload: HQ rejects a message over its own limit
     * unread, so a backlog of large sales must not travel as one. An event larger than that goes alone.
     */
    private List<List<JournalEntry>> messages(List<JournalEntry> due) {
        List<List<JournalEntry>> messages = new ArrayList<>();
        List<JournalEntry> message = new ArrayList<>();
        long bytes = 0;
        for (JournalEntry entry : due) {
            long size = entry.payload.length() + 200L; // the event's envelope fields, generously
            if (!message.isEmpty() && (message.size() == EVENTS_PER_MESSAGE
                    || bytes + size > config.uplink().maxMessageBytes())) {
                messages.add(message);
                message = new ArrayList<>();
                bytes = 0;
            }
            message.add(entry);
            bytes += size;
        }
        if (!message.isEmpty()) {
            messages.add(message);
        }
        return messages;
    }

    /** One event as it travels alone, or several in one {@code up.batch.v1} message, in journal order. */
    private byte[] encode(List<JournalEntry> entries) {
        return codec.encodeUplink(config.chain(), config.store(), entries.stream().map(entry ->
                new SyncCodec.StoredEvent(MessageSchema.byId(entry.schemaId).orElseThrow(() ->
                        new IllegalStateException("journal entry " + entry.position + " has an unknown schema "
                                + entry.schemaId)), UUID.fromString(entry.eventId), entry.position,
                        entry.occurredAt, entry.payload)).toList());
    }

    void onAck(String topic, byte[] bytes) {
        try {
            Envelope<?> envelope = codec.decode(bytes);
            if (envelope.schema() != MessageSchema.ACK || !config.chain().equals(envelope.chain())) {
                throw new MalformedMessageException("not an acknowledgement for this chain");
            }
            List<String> ids = envelope.payloadAs(Ack.class).eventIds().stream().map(UUID::toString).toList();
            acknowledged.addAll(ids);
            metrics.counter("agent_uplink_events_acknowledged_total").increment(ids.size());
        } catch (MalformedMessageException e) {
            metrics.counter("agent_messages_rejected_total", "topic", "ack").increment();
            LOG.warnf("Rejected message on %s: %s", topic, e.getMessage());
        }
    }

    private void markAcknowledged() {
        List<String> ids = new ArrayList<>();
        for (String id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
            ids.add(id);
            if (ids.size() == MARKED_PER_STATEMENT || acknowledged.isEmpty()) {
                journal.markDelivered(ids);
                ids.clear();
            }
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
