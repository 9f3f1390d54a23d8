package io.chainretail.core.sync.payload;

import java.util.Map;
import java.util.TreeMap;

/**
 * The retained status a store publishes: {@code online} with the last sequence it applied per feed
 * (on connect and every few seconds), or {@code offline} (its last-will, and on a clean shutdown).
 */
public record StoreStatus(String state, Map<String, Long> feeds) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public StoreStatus {
        if (!ONLINE.equals(state) && !OFFLINE.equals(state)) {
            throw new IllegalArgumentException("state must be online or offline");
        }
        feeds = new TreeMap<>(feeds);
        for (Map.Entry<String, Long> feed : feeds.entrySet()) {
            if (feed.getValue() == null || feed.getValue() < 0) {
                throw new IllegalArgumentException("feed " + feed.getKey() + " needs a sequence of 0 or more");
            }
        }
        feeds = java.util.Collections.unmodifiableMap(feeds);
    }

    public static StoreStatus offline() {
        return new StoreStatus(OFFLINE, Map.of());
    }
}
