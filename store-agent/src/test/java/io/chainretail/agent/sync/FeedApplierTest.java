package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.replica.ReplicaHasher;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Removals and regional prices apply like HQ means them. */
@QuarkusTest
class FeedApplierTest {

    @Inject
    FeedApplier applier;

    @Inject
    ReplicaHasher hasher;

    @Test
    void aRemovalDeltaDeletesTheRow() {
        long seq = applier.lastApplied().get("prices");
        applier.apply(delta(MessageSchema.REGIONAL_PRICE, seq + 1, new RegionalPrice("X", "east", 5, "CNY", false)));
        String withRegional = hasher.hash("prices").hash();
        applier.apply(delta(MessageSchema.REGIONAL_PRICE, seq + 2, new RegionalPrice("X", "east", 5, "CNY", true)));
        assertEquals(Long.parseLong(withRegional.split(":")[0]) - 1,
                Long.parseLong(hasher.hash("prices").hash().split(":")[0]));
    }

    private static Envelope<?> delta(MessageSchema schema, long seq, Object payload) {
        return new Envelope<>(schema, EventIds.next(), "demo", null, seq, null, Instant.now(), payload);
    }
}
