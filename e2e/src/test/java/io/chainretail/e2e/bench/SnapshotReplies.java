package io.chainretail.e2e.bench;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.util.ArrayList;
import java.util.List;

/** The rows of the snapshot chunks HQ sent, decoded as the agent decodes them, for the raw floors. */
final class SnapshotReplies {

    /** What to do with each row: the row as the agent stores it, and the codes (barcodes, PLU) that find it. */
    interface RowVisitor {
        void row(RawJdbc.ReplicaRow row, List<String> codes);
    }

    private SnapshotReplies() {
    }

    /** Visits every row of every snapshot chunk among {@code messages} (other messages are skipped). */
    static void forEachRow(List<byte[]> messages, RowVisitor visitor) throws MalformedMessageException {
        SyncCodec codec = new SyncCodec();
        for (byte[] message : messages) {
            if (!(codec.decode(message).payload() instanceof SnapshotChunk chunk)) {
                continue;
            }
            for (SnapshotChunk.Item item : chunk.items()) {
                FeedRecord record = codec.snapshotRow(chunk.feed(), item);
                visitor.row(new RawJdbc.ReplicaRow(MessageSchema.forPayload(record.getClass()).id(), record.key(),
                        chunk.feed(), codec.payloadJson(record)), codesOf(record));
            }
        }
    }

    private static List<String> codesOf(FeedRecord record) {
        if (!(record instanceof ProductChange product)) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(product.barcodes());
        if (product.plu() != null) {
            codes.add(product.plu());
        }
        return codes;
    }
}
