package io.chainretail.hq.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.SyncProgress;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HQ keeps every snapshot answer it is sending a store: a store that asked again while a large snapshot was
 * being built writes the first snapshot it got, and its progress on that one still moves it on.
 */
@QuarkusTest
class SyncRepliesTest {

    @Inject
    SyncReplies replies;

    @Inject
    HqLink link;

    @Inject
    MeterRegistry metrics;

    private final SyncCodec codec = new SyncCodec();

    @Test
    void aSecondSnapshotForTheSameStoreAndFeedDoesNotStarveTheFirst() throws Exception {
        Counted first = new Counted(new SnapshotStream("0041", snapshotOf(6), UUID.randomUUID(), 2, 1));
        Counted second = new Counted(new SnapshotStream("0041", snapshotOf(6), UUID.randomUUID(), 2, 1));
        replies.start(first);
        replies.start(second);
        assertEquals(0, first.handedOut.poll(5, TimeUnit.SECONDS), "the first answer's first chunk");
        assertEquals(0, second.handedOut.poll(5, TimeUnit.SECONDS), "the second answer's first chunk");

        // The store writes the first snapshot: its progress names it, and the first answer goes on.
        replies.onProgress(link.topics().syncProgress("0041"), progress("0041",
                SyncProgress.snapshot("prices", 0, first.snapshotId(), 1)));
        assertEquals(1, first.handedOut.poll(5, TimeUnit.SECONDS), "the first answer's next chunk");
        replies.onProgress(link.topics().syncProgress("0041"), progress("0041",
                SyncProgress.snapshot("prices", 0, first.snapshotId(), 2)));
        assertEquals(2, first.handedOut.poll(5, TimeUnit.SECONDS), "and its last");
        assertTrue(second.handedOut.isEmpty(), "the ignored answer waits for progress of its own");
    }

    @Test
    void progressForAnotherStoreOnThisStoresTopicIsRejected() throws Exception {
        Counted answer = new Counted(new SnapshotStream("0042", snapshotOf(4), UUID.randomUUID(), 2, 1));
        replies.start(answer);
        assertEquals(0, answer.handedOut.poll(5, TimeUnit.SECONDS));
        double rejectedBefore = rejected();
        replies.onProgress(link.topics().syncProgress("0043"), progress("0042",
                SyncProgress.snapshot("prices", 0, answer.snapshotId(), 1)));
        assertEquals(rejectedBefore + 1, rejected(), "store 0042's progress on store 0043's topic");
        replies.onProgress(link.topics().syncProgress("0042"), progress("0042",
                SyncProgress.snapshot("prices", 0, answer.snapshotId(), 1)));
        assertEquals(1, answer.handedOut.poll(5, TimeUnit.SECONDS), "the store's own progress moves it on");
    }

    private double rejected() {
        return metrics.counter("hq_messages_rejected_total", "topic", "sync/progress").count();
    }

    private byte[] progress(String store, SyncProgress progress) {
        return codec.encode(new Envelope<>(MessageSchema.SYNC_PROGRESS, EventIds.next(), "demo", store, null, null,
                Instant.now(), progress));
    }

    private static FeedSnapshot snapshotOf(int rows) {
        List<FeedRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            records.add(new ChainPrice("SKU" + i, 100 + i, "CNY"));
        }
        return new FeedSnapshot("prices", 9, records, "hash");
    }

    /** A snapshot answer that reports each chunk it hands out. */
    private static final class Counted implements ReplyStream {
        private final SnapshotStream stream;
        private final LinkedBlockingQueue<Integer> handedOut = new LinkedBlockingQueue<>();

        Counted(SnapshotStream stream) {
            this.stream = stream;
        }

        @Override
        public String store() {
            return stream.store();
        }

        @Override
        public String feed() {
            return stream.feed();
        }

        @Override
        public UUID snapshotId() {
            return stream.snapshotId();
        }

        @Override
        public Object next() {
            Object message = stream.next();
            if (message != null) {
                handedOut.add(((SnapshotChunk) message).chunk());
            }
            return message;
        }

        @Override
        public boolean sent() {
            return stream.sent();
        }

        @Override
        public void progress(SyncProgress progress) {
            stream.progress(progress);
        }
    }
}
