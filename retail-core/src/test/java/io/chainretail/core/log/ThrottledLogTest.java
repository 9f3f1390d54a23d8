package io.chainretail.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    private final ThrottledLog log = new ThrottledLog(lines::add, Duration.ofMinutes(1), now::get, 100);

    @Test
    void writesOneLinePerKeyAndMinuteAndSaysHowManyWereHeldBack() {
        for (int i = 0; i < 10_000; i++) {
            log.write("0001 malformed", "junk " + i);
        }
        log.write("0002 malformed", "other store");
        assertEquals(List.of("junk 0", "other store"), lines);

        now.set(now.get().plusSeconds(60));
        log.write("0001 malformed", "junk again");
        assertEquals("junk again (and 9999 more like it in the 60 s before)", lines.get(2));
    }

    @Test
    void forgetsKeysPastItsLimitSoJunkKeysCannotGrowIt() {
        for (int i = 0; i < 1_000; i++) {
            log.write("key " + i, "line " + i);
        }
        assertEquals(1_000, lines.size(), "every new key gets its line");
    }
}
