package io.chainretail.core.sync.payload;

import java.util.List;
import java.util.UUID;

/** HQ to store: these uplink events are durably stored at HQ. */
public record Ack(List<UUID> eventIds) {

    public Ack {
        eventIds = List.copyOf(eventIds);
    }
}
