package io.chainretail.agent.sync;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.sync.payload.StoreStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;

/**
 * Tells HQ this store is online and how far it has applied each feed: at every connect and then every
 * {@code agent.status.interval}, as the retained status message HQ's sync status is built from.
 */
@ApplicationScoped
public class StatusReporter {

    private final StoreLink link;
    private final FeedApplier applier;
    private final AgentConfig config;
    private PeriodicTask task;

    public StatusReporter(StoreLink link, FeedApplier applier, AgentConfig config) {
        this.link = link;
        this.applier = applier;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.onConnected(() -> CompletableFuture.runAsync(this::report));
        task = PeriodicTask.start("status-reporter", config.status().interval(), this::report);
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    void report() {
        if (link.isConnected()) {
            link.publishStatus(new StoreStatus(StoreStatus.ONLINE, applier.lastApplied()));
        }
    }
}
