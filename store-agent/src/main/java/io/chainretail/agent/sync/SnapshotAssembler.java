package io.chainretail.agent.sync;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Collects the chunks of snapshots until one is complete and its rows hash to the checksum HQ sent.
 * Chunks live only in memory: an agent that dies halfway keeps its previous replica and asks again.
 */
final class SnapshotAssembler {

    /** A complete, verified snapshot of one feed. */
    record Snapshot(String feed, long asOfSeq, List<FeedRecord> rows) {
    }

    /** Every chunk of one snapshot, not yet checked. */
    record Received(SnapshotChunk[] chunks) {
    }

    /** Snapshots being received at once; more means HQ answered repeated requests, and the oldest go. */
    private static final int MAX_OPEN = 4;

    private final SyncCodec codec;
    private final Map<UUID, SnapshotChunk[]> open = new LinkedHashMap<>();

    SnapshotAssembler(SyncCodec codec) {
        this.codec = codec;
    }

    /** Takes one chunk; returns all of them once the last is in, for {@link #verify}. */
    synchronized Optional<Received> accept(SnapshotChunk chunk) throws MalformedMessageException {
        SnapshotChunk[] chunks = open.computeIfAbsent(chunk.snapshotId(), id -> new SnapshotChunk[chunk.chunks()]);
        SnapshotChunk first = firstOf(chunks);
        if (chunks.length != chunk.chunks() || (first != null && (first.asOfSeq() != chunk.asOfSeq()
                || !first.feed().equals(chunk.feed()) || !first.replicaHash().equals(chunk.replicaHash())))) {
            open.remove(chunk.snapshotId());
            throw new MalformedMessageException("chunk " + chunk.chunk() + " of snapshot " + chunk.snapshotId()
                    + " does not match its other chunks; the snapshot is dropped");
        }
        chunks[chunk.chunk()] = chunk;
        while (open.size() > MAX_OPEN) {
            open.remove(open.keySet().iterator().next());
        }
        for (SnapshotChunk part : chunks) {
            if (part == null) {
                return Optional.empty();
            }
        }
        open.remove(chunk.snapshotId());
        return Optional.of(new Received(chunks));
    }

    /**
     * Decodes every row and checks that together they hash to the checksum HQ sent; slow for a large
     * feed, so it runs on the applier's thread, not the MQTT client's.
     */
    Snapshot verify(Received received) throws MalformedMessageException {
        SnapshotChunk[] chunks = received.chunks();
        String feed = chunks[0].feed();
        List<FeedRecord> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        ReplicaHash hash = new ReplicaHash();
        for (SnapshotChunk chunk : chunks) {
            for (SnapshotChunk.Item item : chunk.items()) {
                FeedRecord row = codec.snapshotRow(feed, item);
                if (!keys.add(item.schema() + '\t' + row.key())) {
                    throw new MalformedMessageException("snapshot " + chunk.snapshotId() + " holds " + item.schema()
                            + " " + row.key() + " twice; not applied");
                }
                rows.add(row);
                hash.add(codec, row);
            }
        }
        if (!hash.value().equals(chunks[0].replicaHash())) {
            throw new MalformedMessageException("snapshot " + chunks[0].snapshotId() + " of " + feed + " hashes to "
                    + hash.value() + ", HQ sent " + chunks[0].replicaHash() + "; not applied");
        }
        return new Snapshot(feed, chunks[0].asOfSeq(), rows);
    }

    private static SnapshotChunk firstOf(SnapshotChunk[] chunks) {
        for (SnapshotChunk chunk : chunks) {
            if (chunk != null) {
                return chunk;
            }
        }
        return null;
    }
}
