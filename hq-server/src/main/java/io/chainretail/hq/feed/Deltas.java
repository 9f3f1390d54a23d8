package io.chainretail.hq.feed;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import java.util.UUID;

/** Turns stored outbox entries back into the messages stores receive. */
final class Deltas {

    private Deltas() {
    }

    static byte[] encode(SyncCodec codec, String chain, OutboxEntry entry) {
        MessageSchema schema = MessageSchema.byId(entry.schemaId)
                .orElseThrow(() -> new IllegalStateException("outbox holds unknown schema " + entry.schemaId));
        Object payload;
        try {
            payload = codec.readPayload(entry.payload, schema.payloadType());
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("outbox entry " + entry.id + " is corrupt", e);
        }
        return codec.encode(new Envelope<>(schema, UUID.fromString(entry.eventId), chain, null, entry.seq, null,
                entry.occurredAt, payload));
    }
}
