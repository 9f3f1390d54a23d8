package io.chainretail.hq.stock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.time.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The periodic fold of the stock book gives way to a busy ingest, but not for longer than it may. */
class FoldPaceTest {

    private final MovableClock clock = new MovableClock();
    private final FoldPace pace = new FoldPace(clock);

    @Test
    void foldsWhileTheIngestIsQuiet() {
        assertTrue(pace.due(), "nothing stored yet");
        pace.folded();
        pace.moved();
        clock.advance(FoldPace.QUIET.plusMillis(1));
        assertTrue(pace.due(), "the last batch is older than the quiet time");
    }

    @Test
    void waitsForABusyIngestAtMostTheLongestWait() {
        pace.folded();
        for (Duration waited = Duration.ZERO; waited.compareTo(FoldPace.LONGEST_WAIT) < 0;
                waited = waited.plusMillis(500)) {
            pace.moved();
            assertFalse(pace.due(), "batches stored every half second, " + waited + " after the last fold");
            clock.advance(Duration.ofMillis(500));
        }
        pace.moved();
        assertTrue(pace.due(), "the longest wait is over though the ingest is still busy");
        pace.folded();
        assertFalse(pace.due(), "and it waits again from that fold");
    }
}
