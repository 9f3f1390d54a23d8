package io.chainretail.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownWatchdogTest {

    @Test
    void endsAProcessStillStoppingAfterItsGraceAndSaysWhereItsThreadsWere() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ended = new CountDownLatch(1);

        ShutdownWatchdog.arm(Duration.ofMillis(50), log::add, ended::countDown);

        assertTrue(ended.await(5, TimeUnit.SECONDS), "the watchdog ended the process");
        assertTrue(log.get(0).contains("Still stopping after 50 ms") && log.get(0).contains("shutdown-watchdog"),
                log.get(0));
    }

    @Test
    void closingAPeriodicTaskLetsItsRunFinishWithoutAnInterrupt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        boolean[] interrupted = {false};
        CountDownLatch finished = new CountDownLatch(1);
        PeriodicTask task = PeriodicTask.start("test-task", Duration.ofHours(1), () -> {
            running.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) {
                interrupted[0] |= Thread.currentThread().isInterrupted();
            }
            finished.countDown();
        });
        task.wake();
        assertTrue(running.await(5, TimeUnit.SECONDS));

        task.close();

        assertTrue(finished.getCount() == 0 && !interrupted[0], "the run finished, uninterrupted");
        assertTrue(task.isClosed());
    }
}
