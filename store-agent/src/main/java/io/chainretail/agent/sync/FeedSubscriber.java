package io.chainretail.agent.sync;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.agent.staff.StaffRoster;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.log.ThrottledLog;
import io.chainretail.core.sync.Direction;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.StaffList;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.SyncProgress;
import io.chainretail.core.sync.payload.SyncRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Receives the chain feeds and sync replies (delta batches and snapshot chunks), rejects what is
 * malformed or not ours (counted and logged with the topic, never applied in part), applies the rest
 * on one worker thread, and asks HQ for what is missing: on every connect, and whenever a gap shows.
 */
@ApplicationScoped
public class FeedSubscriber {

    private static final Logger LOG = Logger.getLogger(FeedSubscriber.class);
    /**
     * How long a feed waits for an answer before asking again about a gap. HQ takes a few seconds to
     * build a large snapshot; asking again sooner would only make it send the snapshot twice.
     */
    static final long GAP_REQUEST_INTERVAL_MS = 10_000;
    private static final int BATCH = 500;
    /**
     * Most deltas waiting to be written (and, apart, most held back behind a snapshot). HQ can publish faster
     * than a small store box writes (a catalog import of hundreds of thousands of products): past this the
     * newest are dropped and counted, and asked for again from HQ once the feed has caught up to the gap, so
     * the heap does not grow with the size of the import. About 1 KB a delta.
     */
    static final int MAX_WAITING = 10_000;
    /**
     * How many messages of a sync answer (delta batches or snapshot chunks) HQ sends ahead of what this store
     * has written and reported ({@link SyncProgress}): enough to keep the writer busy, few enough that a store's
     * heap holds them whatever the size of the catalog.
     */
    static final int REPLY_WINDOW = 8;
    /** A feed whose answer has sent nothing for this long is no longer reported on. */
    private static final long REPLY_QUIET_MS = 30_000;

    private final StoreLink link;
    private final AgentConfig config;
    private final FeedApplier applier;
    private final SyncCodec codec = new SyncCodec();
    private final Counter rejected;
    private final Counter applied;
    private final AtomicLong rejectedCount = new AtomicLong();
    private final Map<String, Long> lastRequestAt = new ConcurrentHashMap<>();
    /** The highest sequence seen per feed, applied or not: past what is applied, the store is behind. */
    private final Map<String, Long> highestSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> lastProgressAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> appliedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> askedAt = new ConcurrentHashMap<>();
    /** Feeds whose deltas HQ is sending in answer to a request, and when the last batch of them came. */
    private final Map<String, Long> answering = new ConcurrentHashMap<>();
    /** The sequence last reported to HQ per feed whose answer is coming. */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    private final BlockingQueue<Envelope<?>> pending = new LinkedBlockingQueue<>();
    private final BlockingQueue<SnapshotRows> chunks = new LinkedBlockingQueue<>();
    /** Deltas of a feed whose snapshot is being written: applied once it is in (or given up). */
    private final List<Envelope<?>> held = new ArrayList<>();
    private final AtomicLong heldBack = new AtomicLong();
    private final SnapshotLoader snapshots;
    private final Counter snapshotsApplied;
    /** Deltas that arrived ahead of a missing one: HQ published out of order, or one was lost on the way. */
    private final Counter gaps;
    private final Counter dropped;
    private final Counter requests;
    /** Feeds whose snapshot was just written: asked at once for any delta seen beyond it. */
    private final Set<String> snapshotted = ConcurrentHashMap.newKeySet();
    private final ThrottledLog dropLog;
    private volatile PeriodicTask worker;
    private final StaffRoster staff;
    /** Every pause above is measured on it, so a test can move time past one instead of waiting it out. */
    private final InstantSource clock;

    public FeedSubscriber(StoreLink link, AgentConfig config, FeedApplier applier, SnapshotLoader snapshots,
            StaffRoster staff, MeterRegistry metrics, InstantSource clock) {
        this.clock = clock;
        this.dropLog = new ThrottledLog(LOG::warn, Duration.ofMinutes(1), clock, 16);
        this.snapshots = snapshots;
        this.staff = staff;
        this.link = link;
        this.config = config;
        this.applier = applier;
        this.rejected = metrics.counter("agent_feed_messages_rejected_total");
        this.applied = metrics.counter("agent_feed_deltas_applied_total");
        this.snapshotsApplied = metrics.counter("agent_feed_snapshots_applied_total");
        this.gaps = metrics.counter("agent_feed_gaps_total");
        this.dropped = metrics.counter("agent_feed_deltas_dropped_total");
        this.requests = metrics.counter("agent_feed_requests_total");
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        // Woken by every arriving message; the period is only a safety net.
        worker = PeriodicTask.start("feed-applier", Duration.ofMillis(500), this::applyPending);
        link.subscribe(link.topics().allFeeds(), this::handle);
        link.subscribe(link.topics().syncReply(config.store()), this::handle);
        // Off the client thread: catching up reads the database and publishes.
        link.onConnected(() -> CompletableFuture.runAsync(this::catchUp));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    /** Asks HQ for everything after what this store has applied, on every feed, and for its till staff. */
    void catchUp() {
        lastRequestAt.clear();
        applier.lastApplied().forEach((feed, seq) -> {
            askedAt.put(feed, clock.instant());
            requestFrom(feed, seq + 1);
        });
        requestFrom("staff", staff.version() + 1);
    }

    /**
     * Decodes and checks a message on the client's thread: deltas and snapshot chunks queue for the
     * applier, and what is malformed or not ours is rejected whole.
     */
    void handle(String topic, byte[] bytes) {
        try {
            Envelope<?> message = codec.decode(bytes);
            if (!config.chain().equals(message.chain())) {
                throw new MalformedMessageException("message of chain " + message.chain() + ", this store is in "
                        + config.chain());
            }
            switch (message.schema()) {
                case SYNC_DELTAS -> {
                    SyncDeltas deltas = forThisStore(message).payloadAs(SyncDeltas.class);
                    answering.put(deltas.feed(), clock.millis());
                    queue(codec.unpack(config.chain(), deltas));
                }
                case STAFF -> {
                    StaffList list = forThisStore(message).payloadAs(StaffList.class);
                    CompletableFuture.runAsync(() -> staff.accept(list)); // a write: off the client's thread
                }
                // Each row's JSON and hash are made here, beside the thread that writes the replica.
                case SYNC_SNAPSHOT -> chunks.add(snapshots.prepare(forThisStore(message)
                        .payloadAs(SnapshotChunk.class)));
                default -> {
                    if (message.schema().direction() != Direction.DOWNLINK) {
                        throw new MalformedMessageException(message.schema().id() + " is not a feed delta");
                    }
                    queue(List.of(message));
                }
            }
            worker.wake();
        } catch (MalformedMessageException e) {
            rejected.increment();
            rejectedCount.incrementAndGet();
            LOG.warnf("Rejected message on %s: %s", topic, e.getMessage());
        }
    }

    /** Queues deltas for the applier, or drops them when {@link #MAX_WAITING} are waiting already. */
    private void queue(List<Envelope<?>> deltas) {
        if (pending.size() + deltas.size() <= MAX_WAITING) {
            pending.addAll(deltas);
        } else {
            deltas.forEach(this::drop);
        }
    }

    /**
     * Leaves a delta for HQ to send again: it counts as seen, so once the feed stops moving short of it the
     * store asks for what it is missing ({@link #askAgainIfStalled}).
     */
    private void drop(Envelope<?> delta) {
        String feed = Feeds.of(delta.schema());
        highestSeen.merge(feed, delta.seq(), Math::max);
        dropped.increment();
        dropLog.write(feed, "Feed " + feed + " deltas arrive faster than this store writes them; the newest are "
                + "dropped (agent_feed_deltas_dropped_total) and asked for again from HQ once the feed has caught up");
    }

    private Envelope<?> forThisStore(Envelope<?> message) throws MalformedMessageException {
        if (!config.store().equals(message.store())) {
            throw new MalformedMessageException(message.schema().id() + " for store " + message.store()
                    + ", this is store " + config.store());
        }
        return message;
    }

    /**
     * Writes a snapshot chunk. A snapshot that is refused or cannot be written leaves the replica as it
     * was and the feed marked as behind, so it is asked for again once the usual pause has passed.
     */
    private void loadSnapshot(SnapshotRows prepared) {
        SnapshotChunk chunk = prepared.chunk();
        lastProgressAt.put(chunk.feed(), clock.millis());
        try {
            snapshots.accept(prepared).ifPresentOrElse(this::onSnapshotApplied,
                    () -> snapshots.chunksWritten(chunk.feed(), chunk.snapshotId()).ifPresent(written ->
                            report(SyncProgress.snapshot(chunk.feed(), appliedSeq(chunk.feed()), chunk.snapshotId(),
                                    written))));
        } catch (MalformedMessageException e) {
            rejected.increment();
            rejectedCount.incrementAndGet();
            LOG.warnf("Rejected a snapshot: %s", e.getMessage());
            onSnapshotFailed(new SnapshotLoader.Failed(chunk.feed(), chunk.asOfSeq()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Snapshot of %s at %d could not be applied; the replica is unchanged", chunk.feed(),
                    chunk.asOfSeq());
            onSnapshotFailed(new SnapshotLoader.Failed(chunk.feed(), chunk.asOfSeq()));
        }
    }

    private void onSnapshotApplied(SnapshotLoader.Applied snapshot) {
        lastProgressAt.put(snapshot.feed(), clock.millis());
        appliedAt.put(snapshot.feed(), clock.instant());
        snapshotsApplied.increment();
        snapshotted.add(snapshot.feed());
        LOG.infof("Applied snapshot of %s at %d: %d rows in %d ms", snapshot.feed(), snapshot.asOfSeq(),
                snapshot.rows(), snapshot.millis());
    }

    private void onSnapshotFailed(SnapshotLoader.Failed snapshot) {
        highestSeen.merge(snapshot.feed(), snapshot.asOfSeq(), Math::max);
    }

    /**
     * Applies what has queued up, in batches, and asks HQ to fill any gap it finds. Snapshots are written
     * here too, a chunk at a time between batches: one thread writes the replica, so a delta is never
     * applied to a feed while its snapshot is half written (it waits, in order, until the snapshot is in).
     */
    private void applyPending() {
        snapshots.abandonStalled().forEach(this::onSnapshotFailed);
        List<Envelope<?>> batch = new ArrayList<>();
        // A snapshot's chunks are written between every batch of deltas: while HQ publishes a large import, deltas
        // keep coming and the snapshot that replaces them must not wait for them to stop (it would stall).
        // Stopping lets the batch or chunk in hand finish and leaves the rest: interrupted in a write, H2 would close
        // its file under every other thread. A snapshot left half written is asked for again after the start.
        while (!worker.isClosed() && (writeChunks() | nextBatch(batch))) {
            if (batch.isEmpty()) {
                continue;
            }
            List<FeedApplier.Result> results;
            try {
                results = applier.applyAll(batch);
            } catch (RuntimeException e) {
                results = oneByOne(batch, e);
            }
            for (int i = 0; i < batch.size(); i++) {
                onResult(batch.get(i), results.get(i));
            }
            batch.clear();
        }
        reportDeltaProgress();
        askBeyondSnapshots();
        askAgainIfStalled();
    }

    /**
     * A live delta that came before its feed's snapshot began (a store's first sync while HQ publishes) could not
     * be applied; if the snapshot stops short of it, and the deltas held behind the snapshot did not fill the
     * rest, asks for the rest now rather than after the stall pause.
     */
    private void askBeyondSnapshots() {
        for (Iterator<String> it = snapshotted.iterator(); it.hasNext(); ) {
            String feed = it.next();
            it.remove();
            long at = applier.lastApplied().getOrDefault(feed, 0L);
            if (highestSeen.getOrDefault(feed, 0L) > at) {
                LOG.infof("Feed %s: snapshot in at %d, deltas up to %d seen; asking HQ for the rest", feed, at,
                        highestSeen.get(feed));
                requestFrom(feed, at + 1);
            }
        }
    }

    /** Writes the snapshot chunks that have arrived; true if there were any. */
    private boolean writeChunks() {
        boolean wrote = false;
        for (SnapshotRows chunk; !worker.isClosed() && (chunk = chunks.poll()) != null; ) {
            loadSnapshot(chunk);
            wrote = true;
        }
        return wrote;
    }

    /** Tells HQ how far each feed whose deltas it is sending has come, so it sends the next window. */
    private void reportDeltaProgress() {
        long now = clock.millis();
        answering.forEach((feed, lastBatchAt) -> {
            if (now - lastBatchAt > REPLY_QUIET_MS) {
                answering.remove(feed, lastBatchAt);
                reported.remove(feed);
                return;
            }
            long applied = appliedSeq(feed);
            if (applied > reported.getOrDefault(feed, 0L)) {
                reported.put(feed, applied);
                report(SyncProgress.deltas(feed, applied));
            }
        });
    }

    private long appliedSeq(String feed) {
        return applier.lastAppliedAsOfReplica().getOrDefault(feed, 0L);
    }

    private void report(SyncProgress progress) {
        link.publish(link.topics().syncProgress(config.store()), codec.encode(new Envelope<>(
                MessageSchema.SYNC_PROGRESS, EventIds.next(), config.chain(), config.store(), null, null,
                clock.instant(), progress)));
    }

    /**
     * Takes the next deltas to apply: first those held back while their feed's snapshot was written, once
     * it is done, then new ones; a delta of a feed whose snapshot is being written is held back.
     */
    private boolean nextBatch(List<Envelope<?>> batch) {
        Set<String> loading = snapshots.loadingFeeds();
        for (Iterator<Envelope<?>> it = held.iterator(); it.hasNext() && batch.size() < BATCH; ) {
            Envelope<?> delta = it.next();
            if (!loading.contains(Feeds.of(delta.schema()))) {
                batch.add(delta);
                it.remove();
            }
        }
        List<Envelope<?>> taken = new ArrayList<>();
        pending.drainTo(taken, BATCH - batch.size());
        for (Envelope<?> delta : taken) {
            if (loading.contains(Feeds.of(delta.schema()))) {
                if (held.size() < MAX_WAITING) {
                    held.add(delta);
                    heldBack.incrementAndGet();
                } else {
                    drop(delta);
                }
            } else {
                batch.add(delta);
            }
        }
        return !batch.isEmpty() || !taken.isEmpty();
    }

    /**
     * A gap is asked for when a later delta shows it; if that answer never fills it (lost, or the deltas
     * stopped coming), this asks again once the feed has made no progress for the usual pause, so a store
     * never stays behind waiting for a delta that will not come.
     */
    private void askAgainIfStalled() {
        long now = clock.millis();
        if (highestSeen.isEmpty()) {
            return;
        }
        Map<String, Long> applied = null;
        Set<String> loading = snapshots.loadingFeeds();
        for (Map.Entry<String, Long> seen : highestSeen.entrySet()) {
            String feed = seen.getKey();
            long last = Math.max(lastRequestAt.getOrDefault(feed, 0L), lastProgressAt.getOrDefault(feed, 0L));
            // A feed whose snapshot is coming waits for it: its chunks can queue behind a flood of live deltas on
            // the one connection, and a snapshot that really stalls is given up (SnapshotLoader), then asked again.
            if (now - last <= GAP_REQUEST_INTERVAL_MS || loading.contains(feed)) {
                continue;
            }
            applied = applied == null ? applier.lastApplied() : applied;
            long at = applied.getOrDefault(feed, 0L);
            if (seen.getValue() > at) {
                LOG.infof("Feed %s stalled at %d with %d seen; asking HQ again", feed, at, seen.getValue());
                requestFrom(feed, at + 1);
            } else {
                highestSeen.remove(feed, seen.getValue());
            }
        }
    }

    /**
     * A batch failed as a whole: applies its deltas one at a time, so those before the failing one land.
     * The failing delta is not skipped (that would break the sequence): the batch stops there, loudly,
     * and what is left is asked for again after the usual pause.
     */
    private List<FeedApplier.Result> oneByOne(List<Envelope<?>> batch, RuntimeException cause) {
        LOG.warnf("A batch of %d deltas failed (%s); applying them one by one", batch.size(), cause.getMessage());
        List<FeedApplier.Result> results = new ArrayList<>(batch.size());
        boolean failed = false;
        for (Envelope<?> delta : batch) {
            if (failed) {
                results.add(FeedApplier.Result.GAP);
                continue;
            }
            try {
                results.add(applier.apply(delta));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Delta %s/%d (%s) could not be applied; the rest of the batch waits for a retry",
                        Feeds.of(delta.schema()), delta.seq(), delta.schema().id());
                results.add(FeedApplier.Result.GAP);
                failed = true;
            }
        }
        return results;
    }

    private void onResult(Envelope<?> delta, FeedApplier.Result result) {
        highestSeen.merge(Feeds.of(delta.schema()), delta.seq(), Math::max);
        if (result == FeedApplier.Result.APPLIED) {
            applied.increment();
            lastProgressAt.put(Feeds.of(delta.schema()), clock.millis());
            appliedAt.put(Feeds.of(delta.schema()), clock.instant());
        } else if (result == FeedApplier.Result.GAP) {
            gaps.increment();
            String feed = Feeds.of(delta.schema());
            long expected = applier.lastApplied().get(feed) + 1;
            long now = clock.millis();
            // While a catch-up is flowing, later deltas overtake it; ask again only once it has stalled.
            long last = Math.max(lastRequestAt.getOrDefault(feed, 0L), lastProgressAt.getOrDefault(feed, 0L));
            if (now - last > GAP_REQUEST_INTERVAL_MS) {
                LOG.infof("Gap in feed %s: expected %d, got %d; asking HQ", feed, expected, delta.seq());
                requestFrom(feed, expected);
            }
        }
    }

    private void requestFrom(String feed, long fromSeq) {
        lastRequestAt.put(feed, clock.millis());
        requests.increment();
        byte[] request = codec.encode(new Envelope<>(MessageSchema.SYNC_REQUEST, EventIds.next(), config.chain(),
                config.store(), null, null, clock.instant(), new SyncRequest(feed, fromSeq, REPLY_WINDOW)));
        link.publish(link.topics().syncRequest(config.store()), request);
    }

    /** Deltas dropped since start because too many were waiting to be written. */
    long droppedDeltas() {
        return (long) dropped.count();
    }

    /** When each feed last moved forward (a delta or a snapshot committed), since start. */
    public Map<String, Instant> appliedAt() {
        return Map.copyOf(appliedAt);
    }

    /** When this store last asked HQ for each feed on connecting (re-asks for gaps do not count). */
    public Map<String, Instant> askedAt() {
        return Map.copyOf(askedAt);
    }

    /** Requests sent to HQ since start: on connecting, for gaps, for what a snapshot stopped short of. */
    long requestsSent() {
        return (long) requests.count();
    }

    /** Deltas held back since start because their feed's snapshot was being written. */
    public long heldBack() {
        return heldBack.get();
    }

    /** Messages rejected since start. */
    public long rejectedCount() {
        return rejectedCount.get();
    }
}
