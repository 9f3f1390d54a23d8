package io.chainretail.core.sync.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store to HQ ({@code store/{store}/up/batch}): several journal events in one message, in journal
 * order, each exactly what it would carry alone: schema, id, journal position, time and payload. A store
 * with a backlog (back from an outage, or a busy moment) sends it this way, because the broker moves a
 * few thousand messages a second and a store's backlog is tens of thousands of events. HQ stores and
 * acknowledges each event on its own, by its id (docs/sync-protocol.md).
 */
public record UplinkBatch(List<Event> events) {

    public UplinkBatch {
        events = List.copyOf(events);
        Fields.require(!events.isEmpty(), "events", "a batch carries at least one event");
    }

    /** One journal event as it would travel alone. */
    public record Event(String schema, UUID id, long position, Instant occurredAt, JsonNode payload) {

        public Event {
            Fields.notBlank(schema, "schema");
            Fields.require(id != null, "id", "must be a UUID");
            Fields.require(position >= 1, "position", "must be positive");
            Fields.require(occurredAt != null, "occurredAt", "must be a UTC instant");
            Fields.require(payload != null && payload.isObject(), "payload", "must be a JSON object");
        }
    }
}
