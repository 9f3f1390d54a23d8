package io.chainretail.hq.sales;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
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
 * subscription, stores each event once, and acknowledges it only after the commit (ARCHITECTURE.md
 * section 3, rule 4). Duplicates are counted and acknowledged again, since the store may have missed
 * the first acknowledgement.
 *
 * <p>Events that arrive together are stored together: a store coming back online sends its whole
 * backlog at once, and one commit and one acknowledgement per store for up to {@code hq.ingest.batch}
 * events is what lets HQ keep up with it. A batch that fails is stored again one event at a time, so
 * one bad event holds up no other.
 */
@ApplicationScoped
public class UplinkIngest {

    private static final Logger LOG = Logger.getLogger(UplinkIngest.class);

    private final HqLink link;
    private final HqConfig config;
    private final UplinkIngestService service;
    private final SyncCodec codec = new SyncCodec();
    private final BlockingQueue<SyncCodec.UplinkEvent> arrived = new LinkedBlockingQueue<>();
    private final Counter stored;
    private final Counter duplicates;
    private final Counter failed;
    private final Timer decoding;
    private final Timer storing;
    private final Timer acknowledging;
    private final MeterRegistry metrics;
    private PeriodicTask worker;

    public UplinkIngest(HqLink link, HqConfig config, UplinkIngestService service, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.service = service;
        this.metrics = metrics;
        this.stored = metrics.counter("hq_uplink_events_stored_total");
        this.duplicates = metrics.counter("hq_uplink_events_duplicate_total");
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

    /** Takes one event, or every event of a store's {@code up.batch.v1} message; all valid, or none. */
    void handle(String topic, byte[] bytes) {
        long started = System.nanoTime();
        try {
            List<SyncCodec.UplinkEvent> events = codec.decodeUplink(bytes);
            for (SyncCodec.UplinkEvent event : events) {
                validate(topic, event.envelope());
            }
            decoding.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            arrived.addAll(events);
            worker.wake();
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "up").increment();
            LOG.warnf("Rejected uplink message on %s: %s", topic, e.getMessage());
        }
    }

    private void ingestArrived() {
        List<SyncCodec.UplinkEvent> batch = new ArrayList<>();
        while (arrived.drainTo(batch, config.ingest().batch()) > 0) {
            List<UplinkIngestService.Outcome> outcomes;
            try {
                outcomes = storing.record(() -> service.recordAll(batch));
            } catch (RuntimeException e) {
                LOG.warnf("A batch of %d uplinked events failed (%s); storing them one by one", batch.size(),
                        e.getMessage());
                outcomes = batch.stream().map(this::recordOne).toList();
            }
            Map<String, List<UUID>> acks = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                UplinkIngestService.Outcome outcome = outcomes.get(i);
                if (outcome != null) {
                    (outcome == UplinkIngestService.Outcome.STORED ? stored : duplicates).increment();
                    Envelope<?> event = batch.get(i).envelope();
                    acks.computeIfAbsent(event.store(), s -> new ArrayList<>()).add(event.id());
                }
            }
            acknowledging.record(() -> acks.forEach(this::acknowledge));
            batch.clear();
        }
    }

    /** One event in its own transaction; null when it could not be stored (not acknowledged, so resent). */
    private UplinkIngestService.Outcome recordOne(SyncCodec.UplinkEvent event) {
        Envelope<?> envelope = event.envelope();
        try {
            return service.record(event);
        } catch (PersistenceException e) {
            // Another HQ instance stored it between our check and insert: the unique key held.
            return UplinkIngestService.Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            failed.increment();
            LOG.errorf(e, "Could not store %s %s of store %s; it stays unacknowledged", envelope.schema().id(),
                    envelope.id(), envelope.store());
            return null;
        }
    }

    private void acknowledge(String store, List<UUID> eventIds) {
        link.publish(link.topics().ack(store), codec.encode(new Envelope<>(MessageSchema.ACK, EventIds.next(),
                config.chain(), store, null, null, Instant.now(), new Ack(eventIds))));
    }

    private void validate(String topic, Envelope<?> envelope) throws MalformedMessageException {
        String topicStore = link.topics().storeOf(topic)
                .orElseThrow(() -> new MalformedMessageException("topic names no store"));
        if (!config.chain().equals(envelope.chain())) {
            throw new MalformedMessageException("message of chain " + envelope.chain() + " on this chain's topic");
        }
        if (!topicStore.equals(envelope.store())) {
            throw new MalformedMessageException("event of store " + envelope.store() + " on store "
                    + topicStore + "'s topic");
        }
    }
}
