package io.chainretail.hq;

import io.chainretail.core.concurrent.ShutdownWatchdog;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Arms the shutdown watchdog first thing when the application stops, so that it is gone within
 * {@code hq.shutdown-grace} of a SIGTERM whatever its background work is doing.
 */
@ApplicationScoped
public class ShutdownGuard {

    private static final Logger LOG = Logger.getLogger(ShutdownGuard.class);

    private final HqConfig config;

    public ShutdownGuard(HqConfig config) {
        this.config = config;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        // Only in a process of its own: a test's JVM goes on after the application in it has stopped.
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            ShutdownWatchdog.arm(config.shutdownGrace(), LOG::error);
        }
    }
}
