package io.chainretail.core.sync.payload;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MessageSchema;
import java.util.List;
import java.util.UUID;

/**
 * HQ to one store ({@code sync/reply}): one chunk of a feed's snapshot, sent when the deltas a store
 * needs are past HQ's retention or outnumber the feed's rows. The store applies the snapshot only once
 * it holds chunks {@code 0..chunks-1} of the same {@code snapshotId} and their rows hash to
 * {@code replicaHash}; then it replaces the whole feed and its sequence in one transaction.
 *
 * @param asOfSeq     the feed sequence the snapshot is the state at
 * @param replicaHash the feed's {@link io.chainretail.core.sync.ReplicaHash} at {@code asOfSeq}: the checksum
 */
public record SnapshotChunk(String feed, UUID snapshotId, long asOfSeq, int chunk, int chunks, String replicaHash,
        List<Item> items) {

    public SnapshotChunk {
        Fields.notBlank(feed, "feed");
        Fields.require(snapshotId != null, "snapshotId", "must be a UUID");
        Fields.require(asOfSeq >= 0, "asOfSeq", "must not be negative");
        Fields.require(chunks >= 1, "chunks", "must be at least 1");
        Fields.require(chunk >= 0 && chunk < chunks, "chunk", "must be between 0 and chunks - 1");
        Fields.notBlank(replicaHash, "replicaHash");
        items = List.copyOf(items);
    }

    /** One row of the feed: its schema and its record, written and read as {@code {schema, payload}}. */
    @JsonDeserialize(using = SnapshotItemReader.class)
    public record Item(String schema, FeedRecord payload) {

        public Item {
            Fields.notBlank(schema, "schema");
            Fields.require(payload != null, "payload", "must be a JSON object");
        }

        /** The row under its own schema. */
        public Item(FeedRecord payload) {
            this(MessageSchema.forPayload(payload.getClass()).id(), payload);
        }
    }
}
