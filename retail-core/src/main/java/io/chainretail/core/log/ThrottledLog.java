package io.chainretail.core.log;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes a line at most once per key and interval, with how many like it were held back since the last
 * one. A store (or an attacker with a store's account) can send ten thousand junk messages a minute; each
 * is still counted in the metrics, but the log gets a line a minute per store and reason, not ten thousand.
 */
public final class ThrottledLog {

    private record Window(Instant startedAt, long heldBack) {
    }

    private final Consumer<String> sink;
    private final Duration interval;
    private final InstantSource clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxKeys;

    /**
     * @param sink     where a line goes (e.g. a logger's warn)
     * @param interval at most one line per key in this time
     * @param maxKeys  keys remembered at most; past it the oldest are forgotten, so junk keys cannot grow the map
     */
    public ThrottledLog(Consumer<String> sink, Duration interval, InstantSource clock, int maxKeys) {
        this.sink = sink;
        this.interval = interval;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Writes {@code line} if the key had no line within the interval, else counts it as held back. */
    public void write(String key, String line) {
        Instant now = clock.instant();
        long[] heldBack = {-1};
        windows.compute(key, (k, window) -> {
            if (window == null || !now.isBefore(window.startedAt().plus(interval))) {
                heldBack[0] = window == null ? 0 : window.heldBack();
                return new Window(now, 0);
            }
            return new Window(window.startedAt(), window.heldBack() + 1);
        });
        if (heldBack[0] >= 0) {
            sink.accept(heldBack[0] == 0 ? line
                    : line + " (and " + heldBack[0] + " more like it in the " + interval.toSeconds() + " s before)");
        }
        if (windows.size() > maxKeys) {
            forgetOldest(now);
        }
    }

    private void forgetOldest(Instant now) {
        windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().startedAt().plus(interval)));
        if (windows.size() > maxKeys) {
            windows.clear();
        }
    }
}
