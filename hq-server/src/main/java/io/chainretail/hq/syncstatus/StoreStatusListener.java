package io.chainretail.hq.syncstatus;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.chainretail.hq.mqtt.StoreMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Listens to every store's retained status topic (not shared: each HQ instance sees them all) and
 * records it. The broker publishes a store's {@code offline} last-will when its connection dies.
 */
@ApplicationScoped
public class StoreStatusListener {

    private static final Logger LOG = Logger.getLogger(StoreStatusListener.class);

    private final HqLink link;
    private final HqConfig config;
    private final StoreSyncService service;
    private final MeterRegistry metrics;
    private final InstantSource clock;

    public StoreStatusListener(HqLink link, HqConfig config, StoreSyncService service, MeterRegistry metrics,
            InstantSource clock) {
        this.link = link;
        this.config = config;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe(link.topics().allStatuses(), this::handle);
    }

    void handle(String topic, byte[] bytes) {
        try {
            StoreMessages.Received<StoreStatus> received = link.storeMessages().read(topic, bytes,
                    MessageSchema.STATUS, StoreStatus.class);
            String store = received.store();
            // HQ's clock, not the store's: a store with a wrong clock must not look silent (or alive).
            StoreStatus status = received.payload();
            Instant now = clock.instant();
            try {
                service.record(store, status, now);
            } catch (RuntimeException e) {
                // Every HQ instance hears every status: for a store HQ has not defined (no row to lock), another
                // instance may have written its first rows just before; this instance then finds them.
                service.record(store, status, now);
            }
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "status").increment();
            LOG.warnf("Rejected status message on %s: %s", topic, e.getMessage());
        }
    }
}
