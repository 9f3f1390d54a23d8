package io.chainretail.core.concurrent;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for background work, named for what they do (so a thread dump or a profile says whose they are),
 * and daemons, so that none of them keeps a stopping application alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory whose threads are all called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
