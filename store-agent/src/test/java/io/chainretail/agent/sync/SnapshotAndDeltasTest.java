package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.chainretail.agent.sync.MemberSnapshots.hashOf;
import static io.chainretail.agent.sync.MemberSnapshots.member;

import io.chainretail.agent.Await;
import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.MemberChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A delta that arrives while its feed's snapshot is half written waits for it and is applied right after,
 * in order, on the one thread that writes the replica (as the agent receives them from the broker); one that
 * came before the snapshot began, past it, is asked for as soon as the snapshot is in.
 */
@QuarkusTest
class SnapshotAndDeltasTest {

    @Inject
    FeedSubscriber subscriber;

    @Inject
    FeedApplier applier;

    @Inject
    SnapshotLoader loader;

    @Inject
    ReplicaHasher hasher;

    @Inject
    MeterRegistry metrics;

    private final SyncCodec codec = new SyncCodec();
    private final Topics topics = new Topics("demo");

    @Test
    void aDeltaOfAFeedBeingSnapshottedWaitsAndFollowsTheSnapshot() throws Exception {
        List<FeedRecord> rows = List.of(member("M0050", 1), member("M0051", 2));
        long at = applier.lastApplied().get("members") + 20;
        UUID snapshot = UUID.randomUUID();
        String checksum = hashOf(rows);

        subscriber.handle(topics.syncReply("0001"), chunk(snapshot, at, 0, 2, rows.subList(0, 1), checksum));
        Await.until(() -> loader.loadingFeeds().contains("members"), "the snapshot is being written");
        MemberChange next = member("M0052", 3);
        long heldBefore = subscriber.heldBack();
        subscriber.handle(topics.feed("members"), codec.encode(new Envelope<>(MessageSchema.MEMBER, EventIds.next(),
                "demo", null, at + 1, null, Instant.now(), next)));
        Await.until(() -> subscriber.heldBack() == heldBefore + 1, "the delta is held back behind the snapshot");
        assertTrue(applier.lastApplied().get("members") < at, "neither the snapshot nor the delta is in yet");

        subscriber.handle(topics.syncReply("0001"), chunk(snapshot, at, 1, 2, rows.subList(1, 2), checksum));

        Await.until(() -> applier.lastApplied().get("members") == at + 1, "the snapshot, then the delta");
        assertEquals(hashOf(List.of(rows.get(0), rows.get(1), next)), hasher.hash("members").hash());
    }

    @Test
    void aDeltaSeenBeforeItsFeedsSnapshotBeganIsAskedForAsSoonAsTheSnapshotIsIn() throws Exception {
        List<FeedRecord> rows = List.of(member("M0060", 1));
        long at = applier.lastApplied().get("members") + 20;
        double gapsBefore = metrics.counter("agent_feed_gaps_total").count();
        // A store's first sync while HQ publishes: a live delta past the snapshot comes before the snapshot.
        subscriber.handle(topics.feed("members"), codec.encode(new Envelope<>(MessageSchema.MEMBER, EventIds.next(),
                "demo", null, at + 5, null, Instant.now(), member("M0061", 2))));
        Await.until(() -> metrics.counter("agent_feed_gaps_total").count() > gapsBefore, "the delta is a gap");
        long requestsBefore = subscriber.requestsSent();
        long sent = System.nanoTime();

        subscriber.handle(topics.syncReply("0001"), chunk(UUID.randomUUID(), at, 0, 1, rows, hashOf(rows)));

        Await.until(() -> subscriber.requestsSent() > requestsBefore, "the store asks for what follows its snapshot");
        assertEquals(at, applier.lastApplied().get("members"), "the snapshot is in, the delta past it is not");
        assertTrue(System.nanoTime() - sent < FeedSubscriber.GAP_REQUEST_INTERVAL_MS * 1_000_000,
                "asked at once, not after the stall pause");
    }

    private byte[] chunk(UUID id, long asOfSeq, int chunk, int chunks, List<FeedRecord> items, String checksum) {
        return codec.encode(new Envelope<>(MessageSchema.SYNC_SNAPSHOT, EventIds.next(), "demo", "0001", null, null,
                Instant.now(), MemberSnapshots.chunk(id, asOfSeq, chunk, chunks, checksum, items)));
    }
}
