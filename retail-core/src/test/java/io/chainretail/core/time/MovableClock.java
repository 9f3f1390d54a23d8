package io.chainretail.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * A clock a test moves by hand, for what depends on time (sessions, lockouts, retention, offline detection,
 * resends): installed in place of the application's {@code InstantSource} with
 * {@code QuarkusMock.installMockForType(clock, InstantSource.class)}.
 */
public final class MovableClock implements InstantSource {

    private volatile Instant now;

    /** Starts now, on a whole second, so that what a database stores (to the microsecond) reads back the same. */
    public MovableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public MovableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public MovableClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }
}
