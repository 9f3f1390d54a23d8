package io.chainretail.core.concurrent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes a stopping application stop: armed when shutdown begins, it ends the JVM if it is still there after
 * the grace period, after writing where every thread was. An operator's SIGTERM (systemd, a store's
 * service manager) must end the process whatever state it is in: a background loop stuck on a closed
 * database once kept HQ alive for five minutes. Nothing committed is lost by this: every commit is on
 * disk before it is acknowledged to anyone.
 */
public final class ShutdownWatchdog {

    private ShutdownWatchdog() {
    }

    /** Arms the watchdog with {@link Runtime#halt} as the end. */
    public static Thread arm(Duration grace, Consumer<String> log) {
        return arm(grace, log, () -> Runtime.getRuntime().halt(1));
    }

    /** Arms it with the given end, for tests. Returns the watchdog's daemon thread. */
    static Thread arm(Duration grace, Consumer<String> log, Runnable end) {
        Thread watchdog = DaemonThreads.named("shutdown-watchdog").newThread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            log.accept("Still stopping after " + grace.toMillis() + " ms; ending the process. Threads:\n"
                    + threadDump());
            end.run();
        });
        watchdog.start();
        return watchdog;
    }

    private static String threadDump() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> t.getThreadState() != Thread.State.TERMINATED).map(ShutdownWatchdog::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(ThreadInfo thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return "  " + thread.getThreadName() + " " + thread.getThreadState()
                + Arrays.stream(stack).limit(8).map(frame -> "\n      at " + frame).collect(Collectors.joining());
    }
}
