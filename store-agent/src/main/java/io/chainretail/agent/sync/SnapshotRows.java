package io.chainretail.agent.sync;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot chunk's rows made ready to write: each row's canonical JSON, and the rows' share of the replica
 * hash. Built on the thread that decodes the message, so the one thread that writes the replica only
 * inserts: in a JFR profile of an initial sync these two steps were a sixth of the writer's time, while
 * the decoding thread sat idle once the chunks were in.
 *
 * @param refusal why the chunk's rows cannot be written (a row of another feed, a removal), else null;
 *                {@link SnapshotLoad} refuses the whole snapshot with it when the chunk's turn comes
 */
record SnapshotRows(SnapshotChunk chunk, List<ReplicaWriter.Row> rows, ReplicaHash hash,
        MalformedMessageException refusal) {

    static SnapshotRows of(SyncCodec codec, SnapshotChunk chunk) {
        List<ReplicaWriter.Row> rows = new ArrayList<>(chunk.items().size());
        ReplicaHash hash = new ReplicaHash();
        try {
            for (SnapshotChunk.Item item : chunk.items()) {
                FeedRecord record = codec.snapshotRow(chunk.feed(), item);
                ReplicaWriter.Row row = ReplicaWriter.Row.of(codec, chunk.feed(), record);
                hash.add(row.schemaId(), row.key(), row.json());
                rows.add(row);
            }
            return new SnapshotRows(chunk, rows, hash, null);
        } catch (MalformedMessageException e) {
            return new SnapshotRows(chunk, List.of(), null, e);
        }
    }
}
