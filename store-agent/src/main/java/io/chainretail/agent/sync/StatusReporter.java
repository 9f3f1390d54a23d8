package io.chainretail.agent.sync;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.sync.payload.StoreStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells HQ this store is online, how far it has applied each feed and, for each feed that has been
 * quiet since the last report, its replica hash: at every connect and then every
 * {@code agent.status.interval}, as the retained status message HQ's sync status is built from.
 * A feed still catching up is not hashed, so hashing never slows a catch-up down.
 */
@ApplicationScoped
public class StatusReporter {

    private final StoreLink link;
    private final FeedApplier applier;
    private final ReplicaHasher hasher;
    private final AgentConfig config;
    private final Map<String, Long> previouslyReported = new ConcurrentHashMap<>();
    private final Map<String, ReplicaHasher.FeedHash> hashes = new ConcurrentHashMap<>();
    private PeriodicTask task;

    public StatusReporter(StoreLink link, FeedApplier applier, ReplicaHasher hasher, AgentConfig config) {
        this.link = link;
        this.applier = applier;
        this.hasher = hasher;
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

    synchronized void report() {
        if (!link.isConnected()) {
            return;
        }
        Map<String, Long> applied = applier.lastApplied();
        Map<String, String> reportedHashes = new HashMap<>();
        for (Map.Entry<String, Long> feed : applied.entrySet()) {
            ReplicaHasher.FeedHash cached = hashes.get(feed.getKey());
            boolean quiet = feed.getValue().equals(previouslyReported.get(feed.getKey()));
            if ((cached == null || cached.seq() != feed.getValue()) && quiet) {
                cached = hasher.hash(feed.getKey());
                hashes.put(feed.getKey(), cached);
            }
            if (cached != null && cached.seq() == feed.getValue()) {
                reportedHashes.put(feed.getKey(), cached.hash());
            }
        }
        previouslyReported.putAll(applied);
        link.publishStatus(new StoreStatus(StoreStatus.ONLINE, applied, reportedHashes));
    }
}
