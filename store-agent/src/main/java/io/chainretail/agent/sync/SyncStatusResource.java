package io.chainretail.agent.sync;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.agent.uplink.Journal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.Map;

/**
 * How this store stands with HQ: connection, applied feed sequences and when each feed last moved and
 * was last asked for, rejected messages, uplink backlog.
 */
@Path("/api/sync")
public class SyncStatusResource {

    /** The sync status. */
    public record SyncStatus(String store, boolean connected, Map<String, Long> feeds,
            Map<String, Instant> appliedAt, Map<String, Instant> askedAt, long rejectedMessages,
            long uplinkBacklog) {
    }

    private final AgentConfig config;
    private final StoreLink link;
    private final FeedApplier applier;
    private final FeedSubscriber subscriber;
    private final Journal journal;

    public SyncStatusResource(AgentConfig config, StoreLink link, FeedApplier applier, FeedSubscriber subscriber,
            Journal journal) {
        this.config = config;
        this.link = link;
        this.applier = applier;
        this.subscriber = subscriber;
        this.journal = journal;
    }

    @GET
    public SyncStatus status() {
        return new SyncStatus(config.store(), link.isConnected(), applier.lastApplied(), subscriber.appliedAt(),
                subscriber.askedAt(), subscriber.rejectedCount(), journal.backlog());
    }
}
