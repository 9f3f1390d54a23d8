package io.chainretail.hq.sales;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.error.RootCause;
import io.chainretail.core.log.ThrottledLog;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.jdbc.SqlFailures;
import io.chainretail.hq.mqtt.HqLink;
import io.chainretail.hq.quarantine.UplinkQuarantine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Consumes every store's uplink (sales, returns and voids, Z reports, no-sales) through a shared
 * subscription, stores each event once, and acknowledges it only once it is durable at HQ: stored, found
 * stored already (the store may have missed the first acknowledgement), or held in the quarantine. Any
 * other failure (the database away, a timeout) leaves the event unacknowledged, and the store resends it.
 *
 * <p>Events that arrive together are stored together: a store coming back online sends its whole
 * backlog at once, and one commit and one acknowledgement per store for up to {@code hq.ingest.batch}
 * events is what lets HQ keep up with it. A batch that fails is stored again one event at a time, each
 * checked against every business key first, so one bad event holds up no other.
 *
 * <p>A message over {@code hq.ingest.max-message-bytes}, or one that breaks the envelope rules, is
 * rejected unread and counted; the log says so at most once a minute per store and reason.
 */
@ApplicationScoped
public class UplinkIngest {

    private static final Logger LOG = Logger.getLogger(UplinkIngest.class);

    private final HqLink link;
    private final HqConfig config;
    private final UplinkIngestService service;
    private final UplinkQuarantine quarantine;
    private final SyncCodec codec = new SyncCodec();
    /**
     * Decoded events waiting for the worker, at most ten batches: when they pile up, the MQTT handler waits, its
     * messages stay unacknowledged, and the broker holds the rest (hq.mqtt.receive-maximum), so a chain of stores
     * sending their backlogs at once cannot fill HQ's heap.
     */
    private final BlockingQueue<SyncCodec.UplinkEvent> arrived;
    private final BlockingQueue<SyncCodec.RefusedEvent> refused = new LinkedBlockingQueue<>();
    private final ThrottledLog throttled;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter quarantined;
    private final Counter failed;
    private final Timer decoding;
    private final Timer storing;
    private final Timer acknowledging;
    private final MeterRegistry metrics;
    private PeriodicTask worker;

    public UplinkIngest(HqLink link, HqConfig config, UplinkIngestService service, UplinkQuarantine quarantine,
            MeterRegistry metrics, InstantSource clock) {
        this.link = link;
        this.config = config;
        this.service = service;
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.arrived = new LinkedBlockingQueue<>(10 * config.ingest().batch());
        this.throttled = new ThrottledLog(LOG::warn, Duration.ofMinutes(1), clock, 10_000);
        this.stored = metrics.counter("hq_uplink_events_stored_total");
        this.duplicates = metrics.counter("hq_uplink_events_duplicate_total");
        this.quarantined = metrics.counter("hq_uplink_events_quarantined_total");
        this.failed = metrics.counter("hq_uplink_events_failed_total");
        // HQ's own share of an ingest, beside the broker's share of moving the messages: decoding and checking
        // each message, storing each batch (first query to commit), and publishing its acknowledgements.
        this.decoding = metrics.timer("hq_uplink_decode");
        this.storing = metrics.timer("hq_uplink_store_batch");
        this.acknowledging = metrics.timer("hq_uplink_acknowledge");
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        worker = PeriodicTask.start("uplink-ingest", Duration.ofSeconds(1), this::ingestArrived);
        link.subscribe("$share/hq/" + link.topics().allUplinks(), this::handle);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * Takes one event, or every event of a store's {@code up.batch.v1} message, and hands them to the
     * worker: this runs on the MQTT client's thread, which must never wait for the database.
     */
    void handle(String topic, byte[] bytes) {
        long started = System.nanoTime();
        String topicStore = link.topics().storeOf(topic).orElse("?");
        if (bytes.length > config.ingest().maxMessageBytes()) {
            reject(topic, topicStore, "too-large", "a message of " + bytes.length + " bytes, over hq.ingest"
                    + ".max-message-bytes (" + config.ingest().maxMessageBytes() + ")");
            return;
        }
        SyncCodec.UplinkMessage message;
        try {
            message = codec.decodeUplink(bytes);
            validate(topicStore, message);
        } catch (MalformedMessageException e) {
            reject(topic, topicStore, "malformed", e.getMessage());
            return;
        }
        decoding.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        for (SyncCodec.UplinkEvent event : message.events()) {
            int size = event.payloadJson().length();
            if (size > config.ingest().maxEventBytes()) {
                Envelope<?> envelope = event.envelope();
                refused.add(new SyncCodec.RefusedEvent(envelope.schema(), envelope.id(), envelope.store(),
                        envelope.position(), envelope.occurredAt(), event.payloadJson(), "its payload of " + size
                        + " characters is over hq.ingest.max-event-bytes (" + config.ingest().maxEventBytes() + ")"));
            } else {
                waitForRoom(event);
            }
        }
        refused.addAll(message.refused());
        worker.wake();
    }

    private void waitForRoom(SyncCodec.UplinkEvent event) {
        try {
            while (!arrived.offer(event, 1, TimeUnit.SECONDS)) {
                worker.wake();
            }
        } catch (InterruptedException e) {
            // Stopping: the event is not acknowledged, so its store sends it again.
            Thread.currentThread().interrupt();
        }
    }

    private void reject(String topic, String store, String reason, String detail) {
        metrics.counter("hq_messages_rejected_total", "topic", "up").increment();
        metrics.counter("hq_uplink_messages_rejected_total", "reason", reason).increment();
        throttled.write(store + " " + reason, "Rejected uplink message on " + topic + ": " + detail);
    }

    private void ingestArrived() {
        holdRefused();
        List<SyncCodec.UplinkEvent> batch = new ArrayList<>();
        // Stops between batches once closing: what is left is unacknowledged, and the stores send it again.
        while (!worker.isClosed() && arrived.drainTo(batch, config.ingest().batch()) > 0) {
            List<UplinkIngestService.Outcome> outcomes;
            try {
                outcomes = storing.record(() -> service.recordAll(batch));
            } catch (RuntimeException e) {
                LOG.debugf("A batch of %d uplinked events failed (%s); storing them one by one", batch.size(),
                        e.getMessage());
                outcomes = batch.stream().map(this::recordOne).toList();
            }
            acknowledge(batch.stream().map(SyncCodec.UplinkEvent::envelope).toList(), outcomes);
            batch.clear();
        }
    }

    /** Events HQ can never store as they are: into the quarantine, and acknowledged once they are there. */
    private void holdRefused() {
        List<SyncCodec.RefusedEvent> events = new ArrayList<>();
        refused.drainTo(events);
        if (events.isEmpty()) {
            return;
        }
        List<UplinkIngestService.Outcome> outcomes = events.stream().map(this::holdOne).toList();
        acknowledge(events.stream().map(e -> new Acknowledged(e.store(), e.id())).toList(), outcomes, true);
    }

    private UplinkIngestService.Outcome holdOne(SyncCodec.RefusedEvent event) {
        try {
            return quarantine.holdUnlessStored(event) ? UplinkIngestService.Outcome.QUARANTINED
                    : UplinkIngestService.Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            failed.increment();
            throttled.write(event.store() + " failed", "Could not quarantine " + event.schema().id() + " "
                    + event.id() + " of store " + event.store() + " (" + RootCause.message(e)
                    + "); it stays unacknowledged");
            return null;
        }
    }

    /**
     * One event in its own transaction, every key checked; null when it could not be stored or held (not
     * acknowledged, so the store resends it).
     */
    private UplinkIngestService.Outcome recordOne(SyncCodec.UplinkEvent event) {
        Envelope<?> envelope = event.envelope();
        RuntimeException failure;
        try {
            return service.recordChecked(event);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (SqlFailures.isConstraintViolation(failure)) {
            // Another HQ instance stored it, or a clashing event, between our checks and our insert: the
            // checks, run again, now find what it stored.
            try {
                return service.recordChecked(event);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (SqlFailures.isDataError(failure)) {
            return holdOne(new SyncCodec.RefusedEvent(envelope.schema(), envelope.id(), envelope.store(),
                    envelope.position(), envelope.occurredAt(), event.payloadJson(),
                    "HQ's database refused it: " + RootCause.message(failure)));
        }
        failed.increment();
        throttled.write(envelope.store() + " failed", "Could not store " + envelope.schema().id() + " "
                + envelope.id() + " of store " + envelope.store() + " (" + RootCause.message(failure)
                + "); it stays unacknowledged and the store will send it again");
        return null;
    }

    private record Acknowledged(String store, UUID eventId) {
    }

    private void acknowledge(List<Envelope<?>> events, List<UplinkIngestService.Outcome> outcomes) {
        acknowledge(events.stream().map(e -> new Acknowledged(e.store(), e.id())).toList(), outcomes, false);
    }

    /** Acknowledges, per store, every event with an outcome, and counts the outcomes. */
    private void acknowledge(List<Acknowledged> events, List<UplinkIngestService.Outcome> outcomes, boolean held) {
        Map<String, List<UUID>> acks = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            UplinkIngestService.Outcome outcome = outcomes.get(i);
            if (outcome == null) {
                continue;
            }
            switch (outcome) {
                case STORED -> stored.increment();
                case DUPLICATE -> duplicates.increment();
                case QUARANTINED -> quarantined.increment();
                default -> throw new IllegalStateException(outcome.name());
            }
            acks.computeIfAbsent(events.get(i).store(), s -> new ArrayList<>()).add(events.get(i).eventId());
        }
        acknowledging.record(() -> acks.forEach(this::acknowledge));
    }

    private void acknowledge(String store, List<UUID> eventIds) {
        link.publish(link.topics().ack(store), codec.encode(new Envelope<>(MessageSchema.ACK, EventIds.next(),
                config.chain(), store, null, null, Instant.now(), new Ack(eventIds))));
    }

    /** A message's events must be of this chain and of the store whose topic it came on, or it is rejected. */
    private void validate(String topicStore, SyncCodec.UplinkMessage message) throws MalformedMessageException {
        if ("?".equals(topicStore)) {
            throw new MalformedMessageException("topic names no store");
        }
        if (!config.chain().equals(message.chain())) {
            throw new MalformedMessageException("message of chain " + message.chain() + " on this chain's topic");
        }
        for (SyncCodec.UplinkEvent event : message.events()) {
            sameStore(topicStore, event.envelope().store());
        }
        for (SyncCodec.RefusedEvent event : message.refused()) {
            sameStore(topicStore, event.store());
        }
    }

    private static void sameStore(String topicStore, String eventStore) throws MalformedMessageException {
        if (!topicStore.equals(eventStore)) {
            throw new MalformedMessageException("event of store " + eventStore + " on store " + topicStore
                    + "'s topic");
        }
    }
}
