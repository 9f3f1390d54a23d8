package io.chainretail.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7AndCarryTheirTime() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        UUID id = new EventIds(Clock.fixed(now, ZoneOffset.UTC)).create();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(now.toEpochMilli(), EventIds.millisOf(id));
    }

    @Test
    void idsFromOneGeneratorAreUniqueAndIncreasingEvenWithinOneMillisecond() {
        EventIds ids = new EventIds(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        Set<UUID> seen = new HashSet<>();
        UUID previous = ids.create();
        for (int i = 0; i < 20_000; i++) {
            UUID next = ids.create();
            assertTrue(next.toString().compareTo(previous.toString()) > 0, "ids must sort by creation");
            assertTrue(seen.add(next));
            previous = next;
        }
    }
}
