package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.chainretail.agent.sync.MemberSnapshots.hashOf;
import static io.chainretail.agent.sync.MemberSnapshots.member;

import io.chainretail.agent.Await;
import io.chainretail.agent.TestReplica;
import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.time.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delta that arrives while its feed's snapshot is half written waits for it and is applied right after,
 * in order, on the one thread that writes the replica (as the agent receives them from the broker); one that
 * came before the snapshot began, past it, is asked for as soon as the snapshot is in; a gap whose answer never
 * comes is asked for again once the feed has stalled.
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

    /** The tills' test replica is in first, whatever ran before: these tests move the members feed past it. */
    @BeforeEach
    void replicaIsSetUp() {
        TestReplica.ensure(applier);
    }

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
        // Time stands still: a request can only come from the snapshot being in, not from the stall pause passing.
        QuarkusMock.installMockForType(new MovableClock(), InstantSource.class);
        List<FeedRecord> rows = List.of(member("M0060", 1));
        long at = applier.lastApplied().get("members") + 20;
        double gapsBefore = metrics.counter("agent_feed_gaps_total").count();
        // A store's first sync while HQ publishes: a live delta past the snapshot comes before the snapshot.
        subscriber.handle(topics.feed("members"), codec.encode(new Envelope<>(MessageSchema.MEMBER, EventIds.next(),
                "demo", null, at + 5, null, Instant.now(), member("M0061", 2))));
        Await.until(() -> metrics.counter("agent_feed_gaps_total").count() > gapsBefore, "the delta is a gap");
        long requestsBefore = subscriber.requestsSent();

        subscriber.handle(topics.syncReply("0001"), chunk(UUID.randomUUID(), at, 0, 1, rows, hashOf(rows)));

        Await.until(() -> subscriber.requestsSent() > requestsBefore, "the store asks for what follows its snapshot");
        assertEquals(at, applier.lastApplied().get("members"), "the snapshot is in, the delta past it is not");
    }

    @Test
    void aGapIsAskedForAtOnceAndAgainOnceTheFeedHasStalled() throws Exception {
        // Past the pause since anything this feed did before the test on the real clock (the movable one starts on
        // the whole second before it).
        Duration pause = Duration.ofMillis(FeedSubscriber.GAP_REQUEST_INTERVAL_MS + 1_000);
        MovableClock clock = new MovableClock().advance(pause);
        QuarkusMock.installMockForType(clock, InstantSource.class);
        long at = applier.lastApplied().get("members");
        long requestsBefore = subscriber.requestsSent();

        subscriber.handle(topics.feed("members"), codec.encode(new Envelope<>(MessageSchema.MEMBER, EventIds.next(),
                "demo", null, at + 3, null, Instant.now(), member("M0090", 1))));
        Await.until(() -> subscriber.requestsSent() > requestsBefore, "the store asks for the gap at once");
        long requestsAfterGap = subscriber.requestsSent();

        // HQ's answer is lost and nothing more comes on the feed: at the same instant nothing is asked again.
        clock.advance(pause);

        Await.until(() -> subscriber.requestsSent() > requestsAfterGap, "the store asks again for what it misses");
        assertEquals(at, applier.lastApplied().get("members"));
    }

    private byte[] chunk(UUID id, long asOfSeq, int chunk, int chunks, List<FeedRecord> items, String checksum) {
        return codec.encode(new Envelope<>(MessageSchema.SYNC_SNAPSHOT, EventIds.next(), "demo", "0001", null, null,
                Instant.now(), MemberSnapshots.chunk(id, asOfSeq, chunk, chunks, checksum, items)));
    }
}
