package io.chainretail.hq.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which stores behind HQ's feeds have stood still long enough to be sent what they miss: a store's feed that
 * reports the same position for {@code stalledAfter} since it was first seen behind, then twice as long after each
 * answer, up to {@code longestWait}. A store seen at another position, or not behind at all, starts afresh.
 */
final class StallWatch {

    /** A store's feed behind HQ's, at the position it reported. */
    record Lagging(String store, String feed, long seq) {
    }

    /** A feed seen behind at {@code seq} since {@code since}, answered once {@code pause} has passed. */
    private record Behind(long seq, Instant since, Duration pause) {
    }

    private final Duration stalledAfter;
    private final Duration longestWait;
    private final Map<String, Behind> behind = new HashMap<>();

    StallWatch(Duration stalledAfter, Duration longestWait) {
        this.stalledAfter = stalledAfter;
        this.longestWait = longestWait;
    }

    /** Takes every store's feed behind HQ's now, and returns those to answer now. */
    synchronized List<Lagging> look(List<Lagging> lagging, Instant now) {
        Map<String, Behind> seen = new HashMap<>();
        List<Lagging> stalled = new ArrayList<>();
        for (Lagging feed : lagging) {
            String key = feed.store() + '/' + feed.feed();
            Behind was = behind.get(key);
            Behind is = was != null && was.seq() == feed.seq() ? was : new Behind(feed.seq(), now, stalledAfter);
            if (!now.isBefore(is.since().plus(is.pause()))) {
                stalled.add(feed);
                Duration longer = is.pause().multipliedBy(2);
                is = new Behind(feed.seq(), now, longer.compareTo(longestWait) > 0 ? longestWait : longer);
            }
            seen.put(key, is);
        }
        behind.clear();
        behind.putAll(seen);
        return stalled;
    }
}
