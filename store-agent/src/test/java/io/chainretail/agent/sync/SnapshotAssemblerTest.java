package io.chainretail.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotAssemblerTest {

    private final SyncCodec codec = new SyncCodec();
    private final SnapshotAssembler assembler = new SnapshotAssembler(codec);
    private final List<FeedRecord> rows = List.of(new ChainPrice("A", 100, "CNY"), new ChainPrice("B", 200, "CNY"),
            new ChainPrice("C", 300, "CNY"));

    @Test
    void completesOnceEveryChunkIsInInAnyOrder() throws Exception {
        UUID id = UUID.randomUUID();
        String hash = hashOf(rows);
        assertTrue(assembler.accept(chunk(id, 1, 2, hash, rows.subList(2, 3))).isEmpty());
        SnapshotAssembler.Snapshot snapshot = assembler.verify(
                assembler.accept(chunk(id, 0, 2, hash, rows.subList(0, 2))).orElseThrow());
        assertEquals("prices", snapshot.feed());
        assertEquals(42, snapshot.asOfSeq());
        assertEquals(rows, snapshot.rows());
    }

    @Test
    void refusesASnapshotWhoseRowsDoNotMatchTheChecksum() {
        UUID id = UUID.randomUUID();
        String hash = hashOf(rows.subList(0, 2));
        assertThrows(MalformedMessageException.class,
                () -> assembler.verify(assembler.accept(chunk(id, 0, 1, hash, rows)).orElseThrow()));
    }

    @Test
    void refusesChunksThatDisagree() throws Exception {
        UUID id = UUID.randomUUID();
        assembler.accept(chunk(id, 0, 2, hashOf(rows), rows.subList(0, 2)));
        assertThrows(MalformedMessageException.class,
                () -> assembler.accept(chunk(id, 1, 3, hashOf(rows), rows.subList(2, 3))));
    }

    @Test
    void refusesASnapshotThatHoldsARowTwice() {
        List<FeedRecord> twice = List.of(rows.get(0), rows.get(0));
        assertThrows(MalformedMessageException.class,
                () -> assembler.verify(assembler.accept(chunk(UUID.randomUUID(), 0, 1, hashOf(twice), twice))
                        .orElseThrow()));
    }

    private SnapshotChunk chunk(UUID id, int chunk, int chunks, String hash, List<FeedRecord> items) {
        return new SnapshotChunk("prices", id, 42, chunk, chunks, hash, items.stream()
                .map(row -> new SnapshotChunk.Item("prices.chain.v1", codec.payloadTree(row))).toList());
    }

    private String hashOf(List<FeedRecord> records) {
        ReplicaHash hash = new ReplicaHash();
        records.forEach(row -> hash.add(codec, row));
        return hash.value();
    }
}
