package io.chainretail.hq.feed;

import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.hq.cluster.Leadership;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.BrokerLink;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to the chain feed topics in sequence order, QoS 1, on every broker of the chain: each broker
 * is fed from its own position ({@link FeedDeliveries}), advanced only as far as it acknowledged, so a broker that
 * is down holds back only its own stores and catches up when it is back. A delta counts as published once every
 * broker has it. A failure leaves the rest for the next round; stores drop the duplicates that a resend may cause
 * by sequence number.
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
    private final FeedDeliveries deliveries;

    public OutboxPublisher(HqLink link, HqConfig config, Leadership leadership, FeedDeliveries deliveries,
            MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.leadership = leadership;
        this.deliveries = deliveries;
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
        boolean more = true;
        while (more && !task.isClosed() && link.isConnected() && leadership.lead()) {
            more = publishRound();
        }
    }

    /**
     * Sends each connected broker the next batch of every feed it is behind in, then records how far each broker
     * acknowledged. Returns whether a full round went out and there may be more.
     */
    private boolean publishRound() {
        Map<String, Long> ends = deliveries.feedEnds();
        Map<String, Map<String, Long>> positions = new LinkedHashMap<>();
        Map<String, Batch> batches = new HashMap<>();
        List<Delivery> sent = new ArrayList<>();
        for (BrokerLink broker : link.brokers()) {
            Map<String, Long> at = deliveries.positions(broker.name(), ends.keySet());
            positions.put(broker.name(), at);
            if (!broker.isConnected()) {
                continue;
            }
            for (Map.Entry<String, Long> end : ends.entrySet()) {
                long position = at.get(end.getKey());
                if (position < end.getValue()) {
                    // Brokers at the same position share the batch read and its encoding.
                    Batch batch = batches.computeIfAbsent(end.getKey() + "@" + position,
                            key -> read(end.getKey(), position));
                    sent.add(new Delivery(broker, end.getKey(), batch, batch.sendTo(broker, link.topics())));
                }
            }
        }
        boolean complete = true;
        for (Delivery delivery : sent) {
            int acknowledged = delivery.awaitAcknowledged();
            if (acknowledged > 0) {
                long reached = delivery.batch.entries.get(acknowledged - 1).seq;
                deliveries.advance(delivery.broker.name(), delivery.feed, reached);
                positions.get(delivery.broker.name()).put(delivery.feed, reached);
                metrics.counter("hq_feed_deltas_published_total").increment(acknowledged);
            }
            complete &= acknowledged == delivery.batch.entries.size();
        }
        deliveries.markPublished(positions.values(), ends.keySet(), Instant.now());
        return complete && !sent.isEmpty();
    }

    private Batch read(String feed, long position) {
        List<OutboxEntry> entries = deliveries.after(feed, position, config.outbox().batch());
        List<byte[]> payloads = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            payloads.add(Deltas.encode(codec, config.chain(), entry));
        }
        return new Batch(entries, payloads);
    }

    /** The next deltas of one feed, in order, encoded once for every broker they go to. */
    private record Batch(List<OutboxEntry> entries, List<byte[]> payloads) {

        List<CompletableFuture<Void>> sendTo(BrokerLink broker, Topics topics) {
            List<CompletableFuture<Void>> sends = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                sends.add(broker.publish(topics.feed(entries.get(i).feed), payloads.get(i)));
            }
            return sends;
        }
    }

    /** A batch sent to one broker: acknowledged up to the first delta that failed. */
    private record Delivery(BrokerLink broker, String feed, Batch batch, List<CompletableFuture<Void>> sends) {

        int awaitAcknowledged() {
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    OutboxEntry entry = batch.entries.get(i);
                    LOG.warnf("Publishing feed delta %s/%d to %s failed, will retry: %s", entry.feed, entry.seq,
                            broker.name(), e.getMessage());
                    return i;
                }
            }
            return sends.size();
        }
    }

    private double backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("publishedAt is null"));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
