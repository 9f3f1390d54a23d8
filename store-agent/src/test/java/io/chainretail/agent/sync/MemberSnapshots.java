package io.chainretail.agent.sync;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.util.List;
import java.util.UUID;

/** Snapshots of the members feed as HQ sends them, for the snapshot tests. */
final class MemberSnapshots {

    private static final SyncCodec CODEC = new SyncCodec();

    private MemberSnapshots() {
    }

    static MemberChange member(String card, long points) {
        return new MemberChange(card, null, "会员 " + card, "standard", points, 0, true);
    }

    /** The replica hash of the rows: a snapshot's checksum. */
    static String hashOf(List<FeedRecord> rows) {
        ReplicaHash hash = new ReplicaHash();
        rows.forEach(row -> hash.add(CODEC, row));
        return hash.value();
    }

    static SnapshotChunk chunk(UUID id, long asOfSeq, int chunk, int chunks, String checksum, List<FeedRecord> items) {
        return new SnapshotChunk("members", id, asOfSeq, chunk, chunks, checksum, items.stream()
                .map(SnapshotChunk.Item::new).toList());
    }
}
