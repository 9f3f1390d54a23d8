package io.chainretail.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    /** Long enough that no scheduled run interferes with what the tests wake. */
    private static final Duration RARELY = Duration.ofHours(1);

    @Test
    void wakesArrivingWithinTheLingerAreOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Semaphore ran = new Semaphore(0);
        try (PeriodicTask task = PeriodicTask.start("test-linger", RARELY, () -> {
            runs.incrementAndGet();
            ran.release();
        })) {
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                task.wakeWithin(Duration.ofMillis(200));
            }
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "ran before the linger");
            // A probe woken now runs after anything the ten wakes had scheduled (they were due sooner, on the
            // same thread), so when it has run, every run the ten caused has too.
            task.wake();
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
            assertEquals(2, runs.get(), "the ten wakes were one run, then the probe's");
        }
    }

    @Test
    void aWakeAfterTheRunIsAnotherRun() throws Exception {
        Semaphore ran = new Semaphore(0);
        try (PeriodicTask task = PeriodicTask.start("test-wake", RARELY, ran::release)) {
            task.wake();
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
            task.wake();
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingRunDoesNotStopTheNext() throws Exception {
        Semaphore ran = new Semaphore(0);
        try (PeriodicTask task = PeriodicTask.start("test-failing", RARELY, () -> {
            ran.release();
            throw new IllegalStateException("expected by the test");
        })) {
            task.wake();
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
            task.wake();
            assertTrue(ran.tryAcquire(5, TimeUnit.SECONDS));
        }
    }
}
