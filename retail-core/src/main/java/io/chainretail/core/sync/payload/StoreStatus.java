package io.chainretail.core.sync.payload;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The retained status a store publishes: {@code online} with the last sequence it applied per feed
 * and, once a feed has been quiet, that feed's replica hash at that sequence (see
 * {@link io.chainretail.core.sync.ReplicaHash}); or {@code offline} (its last-will, and on a clean
 * shutdown).
 *
 * @param feeds  feed -> last applied sequence
 * @param hashes feed -> replica hash, for the feeds whose hash was computed at the sequence in {@code feeds}
 */
public record StoreStatus(String state, Map<String, Long> feeds, Map<String, String> hashes) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public StoreStatus {
        if (!ONLINE.equals(state) && !OFFLINE.equals(state)) {
            throw new IllegalArgumentException("state must be online or offline");
        }
        for (Map.Entry<String, Long> feed : feeds.entrySet()) {
            if (feed.getValue() == null || feed.getValue() < 0) {
                throw new IllegalArgumentException("feed " + feed.getKey() + " needs a sequence of 0 or more");
            }
        }
        for (String feed : hashes.keySet()) {
            if (!feeds.containsKey(feed)) {
                throw new IllegalArgumentException("hash of feed " + feed + " without its sequence");
            }
        }
        feeds = Collections.unmodifiableMap(new TreeMap<>(feeds));
        hashes = Collections.unmodifiableMap(new TreeMap<>(hashes));
    }

    public static StoreStatus offline() {
        return new StoreStatus(OFFLINE, Map.of(), Map.of());
    }
}
