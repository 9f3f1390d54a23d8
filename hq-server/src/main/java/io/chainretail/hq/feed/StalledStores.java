package io.chainretail.hq.feed;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.sync.payload.SyncRequest;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.cluster.Leadership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends a store what it misses when it has stopped short of HQ's feed and its own request for it has not come.
 *
 * <p>A store asks for what it misses when it connects and when a later delta shows a gap. A request can be lost on
 * the way: a broker keeps handing a shared subscription's messages to the session of an HQ instance that was
 * killed, until that session expires. A store that had only missed the newest deltas then sees no later one to
 * show the gap, and would stay behind until HQ next changed the feed. Every store reports its feed positions every
 * few seconds (its status, which every instance hears); the leading instance answers, as if asked, each online store
 * that keeps reporting the same position behind HQ's for {@code hq.sync.stalled-after} ({@link StallWatch}). An
 * answer the store did not need costs only its sending: the store ignores deltas it has, and a second snapshot
 * while it writes the first.
 */
@ApplicationScoped
public class StalledStores {

    private static final Logger LOG = Logger.getLogger(StalledStores.class);
    /** How often the positions are looked at. */
    static final Duration CHECK = Duration.ofSeconds(5);
    /** The longest wait between two answers to a store that does not move: it may be writing a large snapshot. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** The window of an answer nobody asked for: a store agent's own. */
    static final int WINDOW = 8;

    private final HqConfig config;
    private final Leadership leadership;
    private final SyncRequestHandler handler;
    private final EntityManager entities;
    private final InstantSource clock;
    private final Counter answered;
    private final StallWatch watch;
    private PeriodicTask task;

    public StalledStores(HqConfig config, Leadership leadership, SyncRequestHandler handler, EntityManager entities,
            InstantSource clock, MeterRegistry metrics) {
        this.config = config;
        this.leadership = leadership;
        this.handler = handler;
        this.entities = entities;
        this.clock = clock;
        this.answered = metrics.counter("hq_sync_stalled_answers_total");
        this.watch = new StallWatch(config.sync().stalledAfter(), LONGEST_WAIT);
    }

    void onStart(@Observes StartupEvent event) {
        task = leadership.whileLeading("stalled-stores", CHECK, this::answerStalled);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /** Answers the online stores that have stood behind HQ's feeds for long enough. */
    void answerStalled() {
        Instant now = clock.instant();
        for (StallWatch.Lagging feed : watch.look(lagging(now.minus(config.sync().offlineAfter())), now)) {
            LOG.infof("Store %s has stood at %d in feed %s behind HQ for %d s or more; sending it the rest",
                    feed.store(), feed.seq(), feed.feed(), config.sync().stalledAfter().toSeconds());
            handler.answerSoon(feed.store(), new SyncRequest(feed.feed(), feed.seq() + 1, WINDOW));
            answered.increment();
        }
    }

    /** Each online store's feed that is behind HQ's, at the position it last reported. */
    @SuppressWarnings("unchecked")
    private List<StallWatch.Lagging> lagging(Instant heardSince) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery("""
                select p.store_code, p.feed, p.applied_seq
                from store_feed_position p
                join feed_sequence s on s.feed = p.feed
                join store_presence r on r.store_code = p.store_code
                where p.applied_seq < s.last_seq and r.state = 'online' and r.last_seen_at >= ?1""")
                .setParameter(1, heardSince).getResultList());
        return rows.stream().map(row -> new StallWatch.Lagging((String) row[0], (String) row[1],
                ((Number) row[2]).longValue())).toList();
    }
}
