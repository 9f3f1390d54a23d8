package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncDeltas;
import java.nio.charset.StandardCharsets;
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
    void aSnapshotChunkDecodesItsRowsIntoTheirRecords() throws Exception {
        List<FeedRecord> rows = List.of(new ChainPrice("A", 150, "CNY"), new RegionalPrice("A", "north", 140, "CNY",
                false));
        SnapshotChunk sent = new SnapshotChunk("prices", UUID.randomUUID(), 9, 0, 1, "2:00",
                rows.stream().map(SnapshotChunk.Item::new).toList());
        Envelope<?> message = codec.decode(codec.encode(new Envelope<>(MessageSchema.SYNC_SNAPSHOT, EventIds.next(),
                "acme", "0001", null, null, now, sent)));

        SnapshotChunk chunk = message.payloadAs(SnapshotChunk.class);
        assertEquals(sent, chunk);
        assertEquals(rows.get(1), codec.snapshotRow("prices", chunk.items().get(1)));
    }

    @Test
    void aSnapshotRowMayGiveItsPayloadBeforeItsSchema() throws Exception {
        SnapshotChunk chunk = codec.decode(snapshotMessage("{\"payload\":{\"sku\":\"A\",\"priceMinor\":150,"
                + "\"currency\":\"CNY\"},\"schema\":\"prices.chain.v1\"}")).payloadAs(SnapshotChunk.class);

        assertEquals(new ChainPrice("A", 150, "CNY"), chunk.items().get(0).payload());
    }

    @Test
    void aSnapshotRowThatIsNotAValidFeedRowRejectsTheChunk() {
        for (String item : List.of(
                "{\"schema\":\"prices.nope.v1\",\"payload\":{}}",
                "{\"schema\":\"up.sale.v2\",\"payload\":{}}",
                "{\"schema\":\"prices.chain.v1\",\"payload\":{\"sku\":\"A\",\"priceMinor\":-1,"
                        + "\"currency\":\"CNY\"}}",
                "{\"schema\":\"prices.chain.v1\",\"schema\":\"prices.chain.v1\",\"payload\":{}}",
                "{\"schema\":\"prices.chain.v1\",\"payload\":[]}",
                "{\"schema\":\"prices.chain.v1\"}",
                "{\"schema\":\"prices.chain.v1\",\"payload\":{},\"extra\":1}")) {
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> codec.decode(snapshotMessage(item)), item);
            assertTrue(e.getMessage().startsWith("sync.snapshot.v1 payload is invalid"), e.getMessage());
        }
    }

    private static byte[] snapshotMessage(String item) {
        return ("{\"schema\":\"sync.snapshot.v1\",\"id\":\"" + UUID.randomUUID() + "\",\"chain\":\"acme\","
                + "\"store\":\"0001\",\"occurredAt\":\"2026-11-22T08:00:00Z\",\"payload\":{\"feed\":\"prices\","
                + "\"snapshotId\":\"" + UUID.randomUUID() + "\",\"asOfSeq\":9,\"chunk\":0,\"chunks\":1,"
                + "\"replicaHash\":\"1:00\",\"items\":[" + item + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSnapshotHoldsNoRemovals() {
        SnapshotChunk.Item removal = new SnapshotChunk.Item(new RegionalPrice("A", "north", 1, "CNY", true));
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
