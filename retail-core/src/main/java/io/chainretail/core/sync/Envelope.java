package io.chainretail.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One sync message: the same envelope for every topic (docs/sync-protocol.md).
 *
 * @param schema     what the payload is
 * @param id         unique forever (UUIDv7); HQ deduplicates uplink events by it
 * @param chain      the chain code; a message for another chain is rejected
 * @param store      the store code, or {@code null} on chain-wide feeds
 * @param seq        the feed sequence number on downlink messages, else {@code null}
 * @param position   the store journal position on uplink messages, else {@code null}
 * @param occurredAt when the change happened, UTC
 * @param payload    the schema's payload record
 */
public record Envelope<T>(
        MessageSchema schema,
        UUID id,
        String chain,
        String store,
        Long seq,
        Long position,
        Instant occurredAt,
        T payload) {

    public Envelope {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (!schema.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(schema.id() + " cannot carry " + payload.getClass().getName());
        }
    }

    /** The payload as the type the caller expects for this schema. */
    public <P> P payloadAs(Class<P> type) {
        return type.cast(payload);
    }
}
