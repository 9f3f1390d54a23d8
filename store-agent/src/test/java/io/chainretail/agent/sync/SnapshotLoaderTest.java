package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.chainretail.agent.sync.MemberSnapshots.chunk;
import static io.chainretail.agent.sync.MemberSnapshots.hashOf;
import static io.chainretail.agent.sync.MemberSnapshots.member;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot becomes the replica whole, once every chunk is in and the rows match HQ's checksum, or
 * not at all; until then the store reads its previous replica.
 */
@QuarkusTest
class SnapshotLoaderTest {

    @Inject
    SnapshotLoader loader;

    @Inject
    FeedApplier applier;

    @Inject
    ReplicaHasher hasher;

    @Inject
    EntityManager entities;

    /** The tills' test replica is in first, whatever ran before: these tests move the members feed past it. */
    @BeforeEach
    void replicaIsSetUp() {
        TestReplica.ensure(applier);
    }

    @Test
    void chunksInAnyOrderReplaceTheFeedOnlyWhenTheLastIsIn() throws Exception {
        List<FeedRecord> rows = List.of(member("M0001", 10), member("M0002", 20), member("M0003", 30));
        long at = applier.lastApplied().get("members") + 100;
        UUID id = UUID.randomUUID();
        ReplicaHasher.FeedHash before = hasher.hash("members");

        assertTrue(loader.accept(chunk(id, at, 1, 2, hashOf(rows), rows.subList(2, 3))).isEmpty());
        assertEquals(before, hasher.hash("members"), "the tills read the previous replica meanwhile");
        Optional<SnapshotLoader.Applied> applied = loader.accept(chunk(id, at, 0, 2, hashOf(rows),
                rows.subList(0, 2)));

        assertEquals(3, applied.orElseThrow().rows());
        assertEquals(new ReplicaHasher.FeedHash(at, hashOf(rows)), hasher.hash("members"));
        UUID older = UUID.randomUUID();
        assertTrue(loader.accept(chunk(older, at - 1, 0, 1, hashOf(List.of()), List.of())).isEmpty(),
                "an older snapshot changes nothing");
        assertTrue(loader.accept(chunk(id, at, 0, 2, hashOf(rows), rows.subList(0, 2))).isEmpty(),
                "a chunk delivered again after its snapshot was applied is ignored");
        assertEquals(new ReplicaHasher.FeedHash(at, hashOf(rows)), hasher.hash("members"));
    }

    @Test
    void aSnapshotWhoseRowsDoNotMatchTheChecksumLeavesThePreviousReplica() throws Exception {
        List<FeedRecord> rows = List.of(member("M0010", 1), member("M0011", 2));
        ReplicaHasher.FeedHash before = hasher.hash("members");
        long at = before.seq() + 10;

        assertThrows(MalformedMessageException.class, () -> loader.accept(chunk(UUID.randomUUID(), at, 0, 1,
                hashOf(rows.subList(0, 1)), rows)));

        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void chunksThatDisagreeOrARowSentTwiceAreRefused() throws Exception {
        List<FeedRecord> rows = List.of(member("M0020", 1), member("M0021", 2));
        ReplicaHasher.FeedHash before = hasher.hash("members");
        long at = before.seq() + 10;
        UUID id = UUID.randomUUID();
        loader.accept(chunk(id, at, 0, 3, hashOf(rows), rows.subList(0, 1)));
        assertThrows(MalformedMessageException.class, () -> loader.accept(chunk(id, at, 1, 4, hashOf(rows),
                rows.subList(1, 2))));

        List<FeedRecord> twice = List.of(rows.get(0), rows.get(0));
        assertThrows(MalformedMessageException.class, () -> loader.accept(chunk(UUID.randomUUID(), at, 0, 1,
                hashOf(twice), twice)));
        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void aChunkWithARowOfAnotherFeedRefusesTheWholeSnapshot() throws Exception {
        List<FeedRecord> rows = List.of(member("M0050", 1), member("M0051", 2));
        ReplicaHasher.FeedHash before = hasher.hash("members");
        long at = before.seq() + 10;
        UUID id = UUID.randomUUID();
        loader.accept(chunk(id, at, 0, 2, hashOf(rows), rows.subList(0, 1)));
        SnapshotChunk strayRow = new SnapshotChunk("members", id, at, 1, 2, hashOf(rows),
                List.of(new SnapshotChunk.Item(new ChainPrice("M0051", 100, "CNY"))));

        MalformedMessageException refused = assertThrows(MalformedMessageException.class,
                () -> loader.accept(strayRow));

        assertTrue(refused.getMessage().contains("prices.chain.v1"), refused.getMessage());
        assertTrue(loader.loadingFeeds().isEmpty(), "the half-written snapshot is rolled back");
        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void aRowTheDatabaseRefusesHalfwayLeavesThePreviousReplica() throws Exception {
        List<FeedRecord> rows = List.of(member("M0030", 1), member("POISON", 2), member("M0031", 3));
        ReplicaHasher.FeedHash before = hasher.hash("members");
        long at = before.seq() + 10;
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("alter table replica_record add "
                + "constraint test_poison check (record_key <> 'POISON')").executeUpdate());
        try {
            loader.accept(chunk(id, at, 0, 2, hashOf(rows), rows.subList(0, 1)));
            assertThrows(IllegalStateException.class, () -> loader.accept(chunk(id, at, 1, 2, hashOf(rows),
                    rows.subList(1, 3))));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                    "alter table replica_record drop constraint test_poison").executeUpdate());
        }

        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void aSecondSnapshotOfAFeedWaitsWhileTheFirstIsArriving() throws Exception {
        List<FeedRecord> rows = List.of(member("M0040", 1), member("M0041", 2));
        long at = applier.lastApplied().get("members") + 10;
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        loader.accept(chunk(first, at, 0, 2, hashOf(rows), rows.subList(0, 1)));
        assertTrue(loader.accept(chunk(second, at, 0, 1, hashOf(rows), rows)).isEmpty(),
                "HQ's answer to a repeated request is ignored while the first one arrives");

        assertEquals(2, loader.accept(chunk(first, at, 1, 2, hashOf(rows), rows.subList(1, 2))).orElseThrow()
                .rows());
        assertTrue(loader.accept(chunk(second, at, 0, 1, hashOf(rows), rows)).isEmpty(),
                "the rest of the second answer is ignored too");
        assertTrue(loader.loadingFeeds().isEmpty(), "no half snapshot left open");
        assertEquals(new ReplicaHasher.FeedHash(at, hashOf(rows)), hasher.hash("members"));
    }

    @Test
    void aSnapshotAtWhatTheStoreAlreadyHasIsIgnored() throws Exception {
        long at = applier.lastApplied().get("members");
        ReplicaHasher.FeedHash before = hasher.hash("members");
        List<FeedRecord> rows = List.of(member("M0060", 1));

        assertTrue(loader.accept(chunk(UUID.randomUUID(), at, 0, 2, hashOf(rows), rows)).isEmpty());

        assertTrue(loader.loadingFeeds().isEmpty(), "nothing opened, so the feed's deltas are not held");
        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void aSecondSnapshotTakesOverFromOneThatHasHadNoChunkForAWhile() throws Exception {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, InstantSource.class);
        List<FeedRecord> rows = List.of(member("M0070", 1), member("M0071", 2));
        long at = applier.lastApplied().get("members") + 10;
        UUID stalled = UUID.randomUUID();

        loader.accept(chunk(stalled, at, 0, 2, hashOf(rows), rows.subList(0, 1)));
        clock.advance(Duration.ofSeconds(6));

        assertEquals(2, loader.accept(chunk(UUID.randomUUID(), at, 0, 1, hashOf(rows), rows)).orElseThrow().rows());
        assertTrue(loader.accept(chunk(stalled, at, 1, 2, hashOf(rows), rows.subList(1, 2))).isEmpty(),
                "the stalled snapshot's last chunk, late, changes nothing");
        assertEquals(new ReplicaHasher.FeedHash(at, hashOf(rows)), hasher.hash("members"));
    }

    @Test
    void aSnapshotWithNoChunkForHalfAMinuteIsRolledBack() throws Exception {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, InstantSource.class);
        ReplicaHasher.FeedHash before = hasher.hash("members");
        List<FeedRecord> rows = List.of(member("M0080", 1), member("M0081", 2));
        long at = applier.lastApplied().get("members") + 10;

        loader.accept(chunk(UUID.randomUUID(), at, 0, 2, hashOf(rows), rows.subList(0, 1)));
        assertEquals(Set.of("members"), loader.loadingFeeds());
        clock.advance(Duration.ofMillis(SnapshotLoader.STALLED_AFTER_MS + 1));

        // The feed's writer looks for stalled snapshots on its own too; whichever does it, it is rolled back once.
        loader.abandonStalled();
        assertTrue(loader.loadingFeeds().isEmpty(), "the half snapshot is given up");
        assertEquals(before, hasher.hash("members"), "and the store reads the replica it had");
    }
}
