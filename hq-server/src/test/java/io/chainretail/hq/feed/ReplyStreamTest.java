package io.chainretail.hq.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.SyncProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** An answer to a sync request goes no further ahead of the store's reported progress than its window. */
class ReplyStreamTest {

    private final UUID snapshotId = UUID.randomUUID();

    @Test
    void aSnapshotGoesAWindowOfChunksAheadOfWhatTheStoreHasWritten() {
        SnapshotStream stream = new SnapshotStream("0001", snapshotOf(10), snapshotId, 2, 2);
        assertEquals(5, stream.chunks());
        assertEquals(List.of(0, 1), chunksNow(stream), "the first window");

        stream.progress(SyncProgress.snapshot("prices", 0, UUID.randomUUID(), 2));
        assertNull(stream.next(), "another snapshot's progress moves nothing");
        stream.progress(SyncProgress.deltas("prices", 7));
        assertNull(stream.next(), "nor does progress through deltas");

        stream.progress(SyncProgress.snapshot("prices", 0, snapshotId, 1));
        assertEquals(List.of(2), chunksNow(stream), "one chunk written, one more sent");
        stream.progress(SyncProgress.snapshot("prices", 0, snapshotId, 3));
        assertEquals(List.of(3, 4), chunksNow(stream));
        assertTrue(stream.sent());
        stream.progress(SyncProgress.snapshot("prices", 0, snapshotId, 1));
        assertNull(stream.next(), "late progress sends nothing again");
    }

    @Test
    void anOlderStoreThatReportsNothingGetsTheWholeSnapshotAtOnce() {
        SnapshotStream stream = new SnapshotStream("0001", snapshotOf(5), snapshotId, 2, null);
        assertEquals(List.of(0, 1, 2), chunksNow(stream));
        assertTrue(stream.sent());
    }

    @Test
    void deltasGoAWindowOfBatchesAheadOfTheSequenceTheStoreHasApplied() {
        List<long[]> reads = new ArrayList<>();
        DeltaStream stream = new DeltaStream("0001", "prices", 11, 40, 5, 2, (feed, from, to) -> {
            reads.add(new long[] {from, to});
            return LongStream.range(from, to).mapToObj(ReplyStreamTest::delta).toList();
        });
        assertEquals(List.of(11L, 16L), firstSeqsNow(stream), "two batches of five");
        assertEquals(2, reads.size(), "read as they are sent, not all at once");

        stream.progress(SyncProgress.snapshot("prices", 13, snapshotId, 1));
        assertNull(stream.next(), "progress through a snapshot moves no deltas");
        stream.progress(SyncProgress.deltas("prices", 15));
        assertEquals(List.of(21L), firstSeqsNow(stream), "five applied: one more batch");
        stream.progress(SyncProgress.deltas("prices", 40));
        assertEquals(List.of(26L, 31L, 36L), firstSeqsNow(stream), "the last batches, up to seq 40");
        assertTrue(stream.sent());
        assertEquals(40, reads.get(reads.size() - 1)[1] - 1, "nothing past the last sequence is read");
    }

    @Test
    void aDeltaStreamWithoutAWindowSendsEveryBatch() {
        DeltaStream stream = new DeltaStream("0001", "prices", 1, 12, 5, null,
                (feed, from, to) -> LongStream.range(from, to).mapToObj(ReplyStreamTest::delta).toList());
        assertEquals(List.of(1L, 6L, 11L), firstSeqsNow(stream));
        assertNull(stream.next());
    }

    private static List<Integer> chunksNow(SnapshotStream stream) {
        List<Integer> chunks = new ArrayList<>();
        for (Object message; (message = stream.next()) != null; ) {
            chunks.add(((SnapshotChunk) message).chunk());
        }
        return chunks;
    }

    private static List<Long> firstSeqsNow(DeltaStream stream) {
        List<Long> seqs = new ArrayList<>();
        for (Object message; (message = stream.next()) != null; ) {
            seqs.add(((SyncDeltas) message).deltas().get(0).seq());
        }
        return seqs;
    }

    private static FeedSnapshot snapshotOf(int rows) {
        List<FeedRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            records.add(new ChainPrice("SKU" + i, 100 + i, "CNY"));
        }
        return new FeedSnapshot("prices", 9, records, "hash");
    }

    private static SyncDeltas.Delta delta(long seq) {
        return new SyncDeltas.Delta(seq, UUID.randomUUID(), "prices.chain.v1", Instant.EPOCH,
                JsonNodeFactory.instance.objectNode());
    }
}
