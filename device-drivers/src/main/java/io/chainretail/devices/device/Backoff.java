package io.chainretail.devices.device;

import java.time.Duration;

/** Reconnect delays that double from {@code first} up to {@code max}, and start over after a success. */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    /** The delay before the next attempt; each call doubles the one after. */
    public long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    public void reset() {
        nextMillis = firstMillis;
    }
}
