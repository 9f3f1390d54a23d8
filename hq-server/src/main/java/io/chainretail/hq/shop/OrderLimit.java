package io.chainretail.hq.shop;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.hq.HqConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many orders each address placed through the shop within the last hour ({@code hq.shop.orders-per-hour}):
 * an order reserves a store's stock until collected or expired, so one address may not place orders without end.
 * Kept in memory, per HQ instance, for the most recently active addresses.
 */
@ApplicationScoped
public class OrderLimit {

    static final Duration WINDOW = Duration.ofHours(1);
    /** Addresses remembered; the least recently active is forgotten first. */
    private static final int ADDRESSES = 100_000;

    private final int perHour;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> placed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > ADDRESSES;
        }
    };

    @Inject
    public OrderLimit(HqConfig config, InstantSource clock) {
        this(config.shop().ordersPerHour(), clock);
    }

    OrderLimit(int perHour, InstantSource clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /**
     * Takes one of {@code address}'s places for this hour, or refuses with TOO_MANY_ORDERS when it has none left.
     * Checking and taking are one step, so orders sent at once from one address cannot all slip through.
     */
    public synchronized void admit(String address) {
        Deque<Instant> times = recent(address);
        if (times.size() >= perHour) {
            Duration wait = Duration.between(clock.instant(), times.peekFirst().plus(WINDOW));
            throw Refusal.of(ErrorCode.TOO_MANY_ORDERS, "This address placed " + times.size() + " orders within the "
                    + "hour, the most the shop takes: try again in " + Math.max(1, (wait.toSeconds() + 59) / 60)
                    + " minutes, or order from the store.");
        }
        times.addLast(clock.instant());
    }

    /** Gives back the place {@link #admit} took last, for an order that was refused or turned out sent again. */
    public synchronized void release(String address) {
        Deque<Instant> times = placed.get(address);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }

    private Deque<Instant> recent(String address) {
        Deque<Instant> times = placed.computeIfAbsent(address, key -> new ArrayDeque<>());
        Instant since = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        return times;
    }
}
