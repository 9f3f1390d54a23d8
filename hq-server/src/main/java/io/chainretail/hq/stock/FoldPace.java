package io.chainretail.hq.stock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * When the leading instance's periodic fold of the stock book runs: not while this instance's ingest is storing
 * batches (a drain after an outage acknowledges the stores' sales first, and the book folds its pending movements
 * once the burst is over), yet never more than {@link #LONGEST_WAIT} apart, so a long drain's pending rows stay
 * bounded. Readers of the book never see the wait: they fold everything pending first.
 */
@ApplicationScoped
public class FoldPace {

    /** The ingest counts as busy this long after it last booked movements. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** The periodic fold waits for a quiet ingest at most this long after its last fold. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final InstantSource clock;
    private volatile Instant lastMoved = Instant.MIN;
    private volatile Instant lastFolded = Instant.MIN;

    public FoldPace(InstantSource clock) {
        this.clock = clock;
    }

    /** The ingest booked pending movements just now. */
    void moved() {
        lastMoved = clock.instant();
    }

    /** Whether the periodic fold should run now. */
    boolean due() {
        Instant now = clock.instant();
        return lastMoved.isBefore(now.minus(QUIET)) || !lastFolded.isAfter(now.minus(LONGEST_WAIT));
    }

    /** The periodic fold ran just now. */
    void folded() {
        lastFolded = clock.instant();
    }
}
