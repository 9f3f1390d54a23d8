package io.chainretail.core.sync.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * HQ to one store ({@code sync/reply}): missing deltas of one feed, in sequence order, many per
 * message so that a store that missed a week catches up in seconds. Each delta is exactly what the
 * feed topic carried: its sequence, id, schema, time and payload.
 */
public record SyncDeltas(String feed, List<Delta> deltas) {

    public SyncDeltas {
        Fields.notBlank(feed, "feed");
        deltas = List.copyOf(deltas);
        Fields.require(!deltas.isEmpty(), "deltas", "a reply carries at least one delta");
    }

    /** One delta as it was published. */
    public record Delta(long seq, UUID id, String schema, Instant occurredAt, JsonNode payload) {

        public Delta {
            Fields.require(seq >= 1, "seq", "must be positive");
            Fields.require(id != null, "id", "must be a UUID");
            Fields.notBlank(schema, "schema");
            Fields.require(occurredAt != null, "occurredAt", "must be a UTC instant");
            Fields.require(payload != null && payload.isObject(), "payload", "must be a JSON object");
        }
    }
}
