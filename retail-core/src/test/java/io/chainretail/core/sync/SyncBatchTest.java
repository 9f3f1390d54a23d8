package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncDeltas;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delta batches and snapshot chunks: decoded whole, or rejected whole. */
class SyncBatchTest {

    private final SyncCodec codec = new SyncCodec();
    private final Instant now = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aDeltaBatchUnpacksIntoTheEnvelopesTheFeedCarried() throws Exception {
        ChainPrice price = new ChainPrice("A", 150, "CNY");
        SyncDeltas reply = new SyncDeltas("prices", List.of(delta(7, "prices.chain.v1", price)));
        Envelope<?> message = codec.decode(codec.encode(new Envelope<>(MessageSchema.SYNC_DELTAS, EventIds.next(),
                "acme", "0001", null, null, now, reply)));

        List<Envelope<?>> deltas = codec.unpack("acme", message.payloadAs(SyncDeltas.class));

        assertEquals(1, deltas.size());
        assertEquals(7L, deltas.get(0).seq());
        assertEquals(price, deltas.get(0).payload());
    }

    @Test
    void oneBadDeltaRejectsTheWholeBatch() {
        SyncDeltas wrongFeed = new SyncDeltas("catalog", List.of(delta(1, "prices.chain.v1",
                new ChainPrice("A", 1, "CNY"))));
        assertThrows(MalformedMessageException.class, () -> codec.unpack("acme", wrongFeed));

        SyncDeltas negative = new SyncDeltas("prices", List.of(
                delta(1, "prices.chain.v1", new ChainPrice("A", 1, "CNY")),
                new SyncDeltas.Delta(2, EventIds.next(), "prices.chain.v1", now,
                        codec.payloadTree(new ChainPrice("B", 1, "CNY")).deepCopy()
                                .<com.fasterxml.jackson.databind.node.ObjectNode>require().put("priceMinor", -5))));
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> codec.unpack("acme", negative));
        assertEquals(true, e.getMessage().contains("priceMinor"), e.getMessage());
    }

    @Test
    void aSnapshotHoldsNoRemovals() {
        SnapshotChunk.Item removal = new SnapshotChunk.Item("prices.region.v1",
                codec.payloadTree(new RegionalPrice("A", "north", 1, "CNY", true)));
        assertThrows(MalformedMessageException.class, () -> codec.snapshotRow("prices", removal));
    }

    @Test
    void feedsAreNamedByTheirSchemas() {
        assertEquals("prices", Feeds.of(MessageSchema.PRICE_BOUNDS));
        assertEquals("promotions", Feeds.of(MessageSchema.PROMOTION));
        assertEquals(List.of(MessageSchema.MEMBER), Feeds.schemas("members"));
        for (String feed : Feeds.ALL) {
            assertEquals(false, Feeds.schemas(feed).isEmpty(), feed);
        }
    }

    private SyncDeltas.Delta delta(long seq, String schema, Object payload) {
        return new SyncDeltas.Delta(seq, UUID.randomUUID(), schema, now, codec.payloadTree(payload));
    }
}
