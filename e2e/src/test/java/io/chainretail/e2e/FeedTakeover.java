package io.chainretail.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Kills ({@code kill -9}) the HQ instance that publishes the change feed in the middle of publishing a burst of
 * changes made through another instance, and measures how long the other takes to publish the feed.
 */
final class FeedTakeover {

    private FeedTakeover() {
    }

    /** Returns the milliseconds from the kill to the follower's first published delta, once the burst is made. */
    static long killLeaderMidBurst(AppProcess leader, AppProcess follower, ChangeGenerator changes, int burst,
            Duration patience) throws Exception {
        double publishedBefore = leader.metric("hq_feed_deltas_published_total");
        CompletableFuture<Void> changing = CompletableFuture.runAsync(() -> {
            try {
                changes.run(burst, 4);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.await("the leader is publishing the burst", patience,
                () -> leader.metric("hq_feed_deltas_published_total") - publishedBefore >= 300);
        leader.kill();
        long killed = System.nanoTime();
        Eventually.await(follower.name() + " publishes the feed", patience,
                () -> follower.metric("hq_feed_deltas_published_total") > 0);
        long takeoverMillis = (System.nanoTime() - killed) / 1_000_000;
        changing.join();
        return takeoverMillis;
    }
}
