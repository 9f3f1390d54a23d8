package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots replace a feed whole or not at all; removals and regional prices apply like HQ means them. */
@QuarkusTest
class FeedApplierTest {

    @Inject
    FeedApplier applier;

    @Inject
    ReplicaHasher hasher;

    @Inject
    EntityManager entities;

    private final SyncCodec codec = new SyncCodec();

    @Test
    void aSnapshotReplacesTheFeedAndHashesLikeHq() {
        List<FeedRecord> rows = List.of(member("M0001", 10), member("M0002", 20));
        long at = applier.lastApplied().get("members") + 100;

        assertTrue(applier.replace("members", at, rows));

        assertEquals(new ReplicaHasher.FeedHash(at, hashOf(rows)), hasher.hash("members"));
        assertFalse(applier.replace("members", at - 1, List.of()), "an older snapshot changes nothing");
        assertEquals(hashOf(rows), hasher.hash("members").hash());
    }

    @Test
    void aSnapshotThatFailsHalfwayLeavesThePreviousReplica() {
        List<FeedRecord> rows = List.of(member("M0003", 30));
        long at = applier.lastApplied().get("members") + 10;
        applier.replace("members", at, rows);
        ReplicaHasher.FeedHash before = hasher.hash("members");

        // A row the database refuses, halfway through the snapshot.
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("alter table replica_record add "
                + "constraint test_poison check (record_key <> 'POISON')").executeUpdate());
        try {
            assertThrows(RuntimeException.class, () -> applier.replace("members", at + 5,
                    List.of(member("M0004", 1), member("POISON", 2), member("M0005", 3))));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                    "alter table replica_record drop constraint test_poison").executeUpdate());
        }

        assertEquals(before, hasher.hash("members"));
    }

    @Test
    void aRemovalDeltaDeletesTheRow() {
        long seq = applier.lastApplied().get("prices");
        applier.apply(delta(MessageSchema.REGIONAL_PRICE, seq + 1, new RegionalPrice("X", "east", 5, "CNY", false)));
        String withRegional = hasher.hash("prices").hash();
        applier.apply(delta(MessageSchema.REGIONAL_PRICE, seq + 2, new RegionalPrice("X", "east", 5, "CNY", true)));
        assertEquals(Long.parseLong(withRegional.split(":")[0]) - 1,
                Long.parseLong(hasher.hash("prices").hash().split(":")[0]));
    }

    private static MemberChange member(String card, long points) {
        return new MemberChange(card, null, "会员 " + card, "standard", points, 0, true);
    }

    private String hashOf(List<FeedRecord> rows) {
        ReplicaHash hash = new ReplicaHash();
        rows.forEach(row -> hash.add(codec, row));
        return hash.value();
    }

    private static Envelope<?> delta(MessageSchema schema, long seq, Object payload) {
        return new Envelope<>(schema, EventIds.next(), "demo", null, seq, null, Instant.now(), payload);
    }
}
