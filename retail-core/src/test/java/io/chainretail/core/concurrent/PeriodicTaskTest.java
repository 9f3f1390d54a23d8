package io.chainretail.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    /** Long enough that no scheduled run interferes with what the tests wake. */
    private static final Duration RARELY = Duration.ofHours(1);

    @Test
    void wakesArrivingWithinTheLingerAreOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        try (PeriodicTask task = PeriodicTask.start("test-linger", RARELY, () -> {
            runs.incrementAndGet();
            ran.countDown();
        })) {
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                task.wakeWithin(Duration.ofMillis(200));
            }
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "ran before the linger");
            Thread.sleep(300);
            assertEquals(1, runs.get());
        }
    }

    @Test
    void aWakeAfterTheRunIsAnotherRun() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        try (PeriodicTask task = PeriodicTask.start("test-wake", RARELY, twice::countDown)) {
            task.wake();
            Thread.sleep(100);
            task.wake();
            assertTrue(twice.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingRunDoesNotStopTheNext() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        try (PeriodicTask task = PeriodicTask.start("test-failing", RARELY, () -> {
            twice.countDown();
            throw new IllegalStateException("expected by the test");
        })) {
            task.wake();
            Thread.sleep(100);
            task.wake();
            assertTrue(twice.await(5, TimeUnit.SECONDS));
        }
    }
}
