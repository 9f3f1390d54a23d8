package io.chainretail.hq.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stores standing behind HQ's feeds are answered, and when. */
class StallWatchTest {

    private static final Duration STALLED_AFTER = Duration.ofSeconds(20);
    private final StallWatch watch = new StallWatch(STALLED_AFTER, Duration.ofSeconds(50));
    private final Instant start = Instant.parse("2026-12-06T09:00:00Z");
    private final StallWatch.Lagging prices = new StallWatch.Lagging("0001", "prices", 41);

    @Test
    void aStoreStandingBehindIsAnsweredAfterThePauseThenLessAndLessOften() {
        assertEquals(List.of(), look(0, prices), "first seen behind");
        assertEquals(List.of(), look(19, prices));
        assertEquals(List.of(prices), look(20, prices), "stood still for the pause");
        assertEquals(List.of(), look(59, prices), "the next answer waits twice as long");
        assertEquals(List.of(prices), look(60, prices));
        assertEquals(List.of(), look(109, prices), "then at most the longest wait");
        assertEquals(List.of(prices), look(110, prices));
        assertEquals(List.of(prices), look(160, prices));
    }

    @Test
    void aStoreThatMovesStartsAfresh() {
        look(0, prices);
        StallWatch.Lagging moved = new StallWatch.Lagging("0001", "prices", 42);
        assertEquals(List.of(), look(15, moved), "it moved: it is catching up");
        assertEquals(List.of(), look(34, moved));
        assertEquals(List.of(moved), look(35, moved), "stood at its new position for the pause");
    }

    @Test
    void aStoreThatCaughtUpOrWentAwayIsForgotten() {
        look(0, prices);
        look(20, prices);
        assertEquals(List.of(), look(30), "up to date, or offline");
        assertEquals(List.of(), look(40, prices), "behind again: a new pause, not the longer wait");
        assertEquals(List.of(prices), look(60, prices));
    }

    @Test
    void eachStoreAndFeedIsWatchedApart() {
        StallWatch.Lagging catalog = new StallWatch.Lagging("0001", "catalog", 41);
        StallWatch.Lagging other = new StallWatch.Lagging("0002", "prices", 41);
        look(0, prices, catalog);
        assertEquals(List.of(), look(10, prices, catalog, other));
        assertEquals(List.of(prices, catalog), look(20, prices, catalog, other));
        assertEquals(List.of(other), look(30, prices, catalog, other));
    }

    private List<StallWatch.Lagging> look(int second, StallWatch.Lagging... lagging) {
        return watch.look(List.of(lagging), start.plusSeconds(second));
    }
}
