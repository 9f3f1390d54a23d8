package io.chainretail.core.concurrent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a task on its own daemon thread with a fixed delay between runs, sub-second if wanted (the
 * Quarkus scheduler rounds those up to a second). A failing run is logged and the next one still runs.
 *
 * <p>{@link #close} lets a run in progress finish (a task that loops checks {@link #isClosed} between
 * rounds) and interrupts it only if it has not within {@value #FINISH_MILLIS} ms: an interrupt in the middle
 * of a database write can close H2's file under every other thread.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class.getName());

    private final ScheduledExecutorService executor;
    private final Runnable safeTask;
    private static final long FINISH_MILLIS = 1_000;

    private final String name;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean closed;

    private PeriodicTask(String name, Duration delay, Runnable task) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        this.safeTask = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; will run again", e);
            }
        };
        executor.scheduleWithFixedDelay(safeTask, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the task as soon as the thread is free, on the same thread as the scheduled runs (so never
     * twice at once); wakes that arrive before it ran are one run.
     */
    public void wake() {
        wakeWithin(Duration.ZERO);
    }

    /**
     * Runs the task {@code linger} from now, on the same thread as the scheduled runs; wakes that arrive
     * before it ran are that one run, so work arriving close together is done together.
     */
    public void wakeWithin(Duration linger) {
        if (woken.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    woken.set(false);
                    safeTask.run();
                }, linger.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                woken.set(false); // closed
            }
        }
    }

    public static PeriodicTask start(String name, Duration delay, Runnable task) {
        return new PeriodicTask(name, delay, task);
    }

    /** True once {@link #close} was called: a task that loops stops at its next round. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(FINISH_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "{0} did not finish its run within {1} ms of closing; interrupting it",
                        new Object[] {name, FINISH_MILLIS});
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
