package io.chainretail.hq.feed;

import io.chainretail.core.concurrent.DaemonThreads;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SyncProgress;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.chainretail.hq.mqtt.StoreMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends the answers to stores' sync requests ({@link ReplyStream}s) on their {@code sync/reply} topics, each a
 * window ahead of the store's {@code sync/progress}. Every HQ instance hears every store's progress (a plain
 * subscription, not a shared one): the instance that sends an answer is the one that must hear it, and the
 * others ignore it. An answer whose store has gone quiet is given up; the store asks again once its feed
 * stalls, and any instance answers that.
 */
@ApplicationScoped
public class SyncReplies {

    private static final Logger LOG = Logger.getLogger(SyncReplies.class);
    /** An answer with no progress for this long is given up (the store went away, or wants another answer). */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

    private final HqLink link;
    private final HqConfig config;
    private final MeterRegistry metrics;
    private final InstantSource clock;
    private final SyncCodec codec = new SyncCodec();
    /**
     * The answers being sent, by store, feed and snapshot. A store's new request for a feed's deltas replaces the
     * old answer (its progress, the sequence applied, serves either). A new snapshot does not replace one being
     * sent: a store that asked again while HQ was building a large snapshot is writing the first one it got and
     * ignores the second, and its progress names the first; the one it ignores goes quiet and is given up.
     */
    private final Map<String, Sending> sending = new ConcurrentHashMap<>();
    /** Progress is handled off the MQTT thread: sending the next messages may read the outbox. */
    private final ExecutorService pumps = Executors.newFixedThreadPool(2, DaemonThreads.named("sync-replies"));

    /** An answer and when its store was last heard of. */
    private static final class Sending {
        private final ReplyStream stream;
        private volatile Instant heardAt;

        Sending(ReplyStream stream, Instant heardAt) {
            this.stream = stream;
            this.heardAt = heardAt;
        }
    }

    public SyncReplies(HqLink link, HqConfig config, MeterRegistry metrics, InstantSource clock) {
        this.link = link;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        metrics.gaugeMapSize("hq_sync_replies_open", List.of(), sending);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe(link.topics().allSyncProgress(), this::onProgress);
    }

    void onStop(@Observes ShutdownEvent event) {
        pumps.shutdownNow();
    }

    /** Sends what the answer's window allows now, and the rest as its store reports progress. */
    void start(ReplyStream stream) {
        giveUpQuiet();
        Sending answer = new Sending(stream, clock.instant());
        // Listed before the first message leaves: the store's progress on it may come back at once.
        sending.put(key(stream.store(), stream.feed(), stream.snapshotId()), answer);
        pump(answer);
    }

    void onProgress(String topic, byte[] bytes) {
        String store;
        SyncProgress progress;
        try {
            StoreMessages.Received<SyncProgress> received = link.storeMessages().read(topic, bytes,
                    MessageSchema.SYNC_PROGRESS, SyncProgress.class);
            store = received.store();
            progress = received.payload();
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "sync/progress").increment();
            LOG.warnf("Rejected sync progress on %s: %s", topic, e.getMessage());
            return;
        }
        Sending answer = sending.get(key(store, progress.feed(), progress.snapshotId()));
        if (answer == null) {
            return; // another instance's answer, or one already sent whole
        }
        answer.heardAt = clock.instant();
        answer.stream.progress(progress);
        pumps.execute(() -> pump(answer));
    }

    /** Sends the messages the window has room for, in order: one thread at a time per answer. */
    private void pump(Sending answer) {
        synchronized (answer) {
            ReplyStream stream = answer.stream;
            for (Object message; (message = stream.next()) != null; ) {
                send(stream.store(), message);
            }
            if (stream.sent()) {
                sending.remove(key(stream.store(), stream.feed(), stream.snapshotId()), answer);
            }
        }
    }

    private void giveUpQuiet() {
        Instant before = clock.instant().minus(GIVE_UP_AFTER);
        sending.values().removeIf(answer -> {
            boolean quiet = answer.heardAt.isBefore(before);
            if (quiet) {
                LOG.infof("Gave up the answer of %s to %s: no progress for %d s", answer.stream.feed(),
                        answer.stream.store(), GIVE_UP_AFTER.toSeconds());
            }
            return quiet;
        });
    }

    /** Publishes one reply; a failed publish is logged (the store asks again once its feed stalls). */
    private void send(String store, Object payload) {
        byte[] message = codec.encode(new Envelope<>(MessageSchema.forPayload(payload.getClass()), EventIds.next(),
                config.chain(), store, null, null, clock.instant(), payload));
        link.publish(link.topics().syncReply(store), message).whenComplete((done, error) -> {
            if (error != null) {
                metrics.counter("hq_sync_replies_failed_total").increment();
                LOG.warnf("A sync reply to %s was not published: %s", store, error.getMessage());
            }
        });
    }

    private static String key(String store, String feed, UUID snapshotId) {
        return store + '/' + feed + (snapshotId == null ? "" : "/" + snapshotId);
    }
}
