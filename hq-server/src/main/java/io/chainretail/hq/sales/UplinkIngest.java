package io.chainretail.hq.sales;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Direction;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Consumes every store's uplink (sales, returns and voids, Z reports, no-sales) through a shared
 * subscription, stores each event once, and acknowledges it only after the commit (ARCHITECTURE.md
 * section 3, rule 4). Duplicates are counted and acknowledged again, since the store may have missed
 * the first acknowledgement.
 */
@ApplicationScoped
public class UplinkIngest {

    private static final Logger LOG = Logger.getLogger(UplinkIngest.class);

    private final HqLink link;
    private final HqConfig config;
    private final UplinkIngestService service;
    private final SyncCodec codec = new SyncCodec();
    private final Counter stored;
    private final Counter duplicates;
    private final MeterRegistry metrics;

    public UplinkIngest(HqLink link, HqConfig config, UplinkIngestService service, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.service = service;
        this.metrics = metrics;
        this.stored = metrics.counter("hq_uplink_events_stored_total");
        this.duplicates = metrics.counter("hq_uplink_events_duplicate_total");
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe("$share/hq/" + link.topics().allUplinks(), this::handle);
    }

    void handle(String topic, byte[] bytes) {
        Envelope<?> envelope;
        try {
            envelope = validated(topic, codec.decode(bytes));
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "up").increment();
            LOG.warnf("Rejected uplink message on %s: %s", topic, e.getMessage());
            return;
        }
        UplinkIngestService.Outcome outcome;
        try {
            outcome = service.record(envelope);
        } catch (PersistenceException e) {
            // Another HQ instance stored it between our check and insert: the unique key held.
            outcome = UplinkIngestService.Outcome.DUPLICATE;
        }
        (outcome == UplinkIngestService.Outcome.STORED ? stored : duplicates).increment();
        Ack ack = new Ack(List.of(envelope.id()));
        link.publish(link.topics().ack(envelope.store()), codec.encode(new Envelope<>(MessageSchema.ACK,
                EventIds.next(), config.chain(), envelope.store(), null, null, Instant.now(),
                ack)));
    }

    private Envelope<?> validated(String topic, Envelope<?> envelope) throws MalformedMessageException {
        String topicStore = link.topics().storeOf(topic)
                .orElseThrow(() -> new MalformedMessageException("topic names no store"));
        if (!config.chain().equals(envelope.chain())) {
            throw new MalformedMessageException("message of chain " + envelope.chain() + " on this chain's topic");
        }
        if (!topicStore.equals(envelope.store())) {
            throw new MalformedMessageException("event of store " + envelope.store() + " on store "
                    + topicStore + "'s topic");
        }
        if (envelope.schema().direction() != Direction.UPLINK) {
            throw new MalformedMessageException(envelope.schema().id() + " is not an uplink event");
        }
        return envelope;
    }
}
