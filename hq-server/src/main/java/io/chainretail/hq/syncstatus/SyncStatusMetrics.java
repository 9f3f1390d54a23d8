package io.chainretail.hq.syncstatus;

import io.chainretail.core.concurrent.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sync status as Prometheus gauges, refreshed every few seconds rather than queried on every
 * scrape: {@code hq_store_online}, {@code hq_store_last_seen_age_seconds},
 * {@code hq_store_feed_lag_changes} and {@code hq_store_feed_lag_seconds}.
 */
@ApplicationScoped
public class SyncStatusMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final StoreSyncService service;
    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private PeriodicTask task;

    public SyncStatusMetrics(StoreSyncService service, MeterRegistry registry) {
        this.service = service;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        task = PeriodicTask.start("sync-status-metrics", REFRESH, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    void refresh() {
        Instant now = Instant.now();
        for (StoreSyncStatus store : service.all()) {
            set("hq_store_online", store.store(), null, "online".equals(store.state()) ? 1 : 0);
            set("hq_store_last_seen_age_seconds", store.store(), null, store.lastSeenAt() == null ? Double.NaN
                    : Duration.between(store.lastSeenAt(), now).toSeconds());
            for (StoreSyncStatus.FeedLag feed : store.feeds()) {
                set("hq_store_feed_lag_changes", store.store(), feed.feed(), feed.lagChanges());
                set("hq_store_feed_lag_seconds", store.store(), feed.feed(), feed.lagSeconds());
            }
        }
    }

    private void set(String name, String store, String feed, double value) {
        String key = name + "|" + store + "|" + feed;
        values.put(key, value);
        if (registered.add(key)) {
            Gauge.Builder<Map<String, Double>> gauge = Gauge.builder(name, values,
                    map -> map.getOrDefault(key, Double.NaN)).tag("store", store);
            if (feed != null) {
                gauge.tag("feed", feed);
            }
            gauge.register(registry);
        }
    }
}
