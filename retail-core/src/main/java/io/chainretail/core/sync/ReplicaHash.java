package io.chainretail.core.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The content hash of one feed's data, computed the same way at HQ and at every store so that
 * "is store 0042 identical to HQ?" has a yes-or-no answer; it is also the checksum of a snapshot.
 *
 * <p>A feed's data is its rows ({@link FeedRecord}s): schema id, key, and the payload in the canonical
 * JSON of {@link SyncCodec#payloadJson}. Each row is hashed with SHA-256; the feed's hash is the row
 * count and the sum of the rows' first 64 bits. A sum does not depend on row order, so each side can
 * stream its rows in whatever order its database returns them.
 */
public final class ReplicaHash {

    private final MessageDigest sha256;
    private long count;
    private long sum;

    public ReplicaHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Adds one row: its schema id, key, and canonical payload JSON. */
    public ReplicaHash add(String schemaId, String key, String payloadJson) {
        byte[] digest = sha256.digest((schemaId + '\t' + key + '\t' + payloadJson).getBytes(StandardCharsets.UTF_8));
        sum += ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        count++;
        return this;
    }

    /** Adds rows hashed elsewhere (the sum does not depend on where or in which order rows are added). */
    public ReplicaHash add(ReplicaHash rows) {
        count += rows.count;
        sum += rows.sum;
        return this;
    }

    /** Adds one row as a typed record. */
    public ReplicaHash add(SyncCodec codec, FeedRecord row) {
        return add(MessageSchema.forPayload(row.getClass()).id(), row.key(), codec.payloadJson(row));
    }

    /** The hash as {@code rows:hex}, e.g. {@code 5000:3fa2...}. */
    public String value() {
        return count + ":" + String.format("%016x", sum);
    }
}
