package io.chainretail.hq.feed;

import io.chainretail.core.sync.SyncCodec;
import io.chainretail.hq.cluster.Leadership;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.chainretail.core.concurrent.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to the chain feed topics in sequence order, QoS 1, and marks entries published
 * only after the broker acknowledged them. A failure leaves them for the next round; stores drop the
 * duplicates that a resend may cause by sequence number.
 *
 * <p>Only the instance that {@link Leadership leads} publishes, so each feed leaves HQ in order; the others
 * keep polling, and one of them takes over within {@code hq.outbox.poll} of the leader's end. An instance that
 * commits a change but does not lead wakes the leader through HQ's own topic.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final HqLink link;
    private final HqConfig config;
    private final SyncCodec codec = new SyncCodec();
    private final MeterRegistry metrics;

    private final Leadership leadership;

    public OutboxPublisher(HqLink link, HqConfig config, Leadership leadership, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.leadership = leadership;
        this.metrics = metrics;
        metrics.gauge("hq_outbox_backlog", this, OutboxPublisher::backlog);
    }

    private PeriodicTask task;

    void onStart(@Observes StartupEvent event) {
        task = PeriodicTask.start("outbox-publisher", config.outbox().poll(), this::drain);
        link.subscribe(link.topics().hqOutboxWritten(), (topic, bytes) -> {
            if (leadership.leads()) {
                task.wake();
            }
        });
    }

    /**
     * A change committed: publish its deltas now rather than at the next poll, or, on an instance that does not
     * lead, tell the one that does (a lost word costs only the wait for its poll).
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedOutbox.DeltasWritten event) {
        if (task == null) {
            return;
        }
        if (leadership.leads()) {
            task.wake();
        } else if (link.isConnected()) {
            link.publish(link.topics().hqOutboxWritten(), new byte[0]);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    void drain() {
        List<OutboxEntry> batch;
        do {
            if (!link.isConnected() || !leadership.lead()) {
                return;
            }
            // Ordered as the index on (published_at, id) is, so the database reads the batch off the index and
            // stops: ordered by id alone, H2 read and sorted every unpublished delta for each batch, and the
            // 600,000 deltas of a 300,000-product import took HQ over five minutes to publish.
            batch = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                    "publishedAt is null order by publishedAt, id").page(0, config.outbox().batch()).list());
            if (!publish(batch)) {
                return;
            }
        } while (batch.size() == config.outbox().batch() && !task.isClosed());
    }

    private boolean publish(List<OutboxEntry> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxEntry entry : batch) {
            sends.add(link.publish(link.topics().feed(entry.feed), Deltas.encode(codec, config.chain(), entry)));
        }
        List<Long> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                done.add(batch.get(i).id);
            } catch (Exception e) {
                LOG.warnf("Publishing feed delta %s/%d failed, will retry: %s", batch.get(i).feed,
                        batch.get(i).seq, e.getMessage());
                break;
            }
        }
        Instant now = Instant.now();
        if (!done.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> OutboxEntry.update(
                    "publishedAt = ?1 where id in ?2", now, done));
            metrics.counter("hq_feed_deltas_published_total").increment(done.size());
        }
        return done.size() == batch.size();
    }

    private double backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("publishedAt is null"));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
