package io.chainretail.hq.feed;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.cluster.Leadership;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Deletes published deltas older than {@code hq.sync.retention}. A store that still needs them gets
 * a snapshot instead, so retention bounds the outbox without costing any store its data. Only the instance that
 * {@link Leadership leads} runs it.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final HqConfig config;
    private final InstantSource clock;
    private final Leadership leadership;
    private PeriodicTask task;

    public OutboxRetention(HqConfig config, InstantSource clock, Leadership leadership) {
        this.config = config;
        this.clock = clock;
        this.leadership = leadership;
    }

    void onStart(@Observes StartupEvent event) {
        task = leadership.whileLeading("outbox-retention", config.sync().retentionCheck(), this::deleteExpired);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /** Deletes published deltas past the retention; unpublished ones are kept whatever their age. */
    public long deleteExpired() {
        Instant cutoff = clock.instant().minus(config.sync().retention());
        long deleted = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.delete(
                "publishedAt is not null and publishedAt < ?1", cutoff));
        if (deleted > 0) {
            LOG.infof("Deleted %d feed deltas published before %s (retention %s)", deleted, cutoff,
                    config.sync().retention());
        }
        return deleted;
    }
}
