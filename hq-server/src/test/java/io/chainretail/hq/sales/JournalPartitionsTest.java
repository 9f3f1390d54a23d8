package io.chainretail.hq.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A month of the journal is the range of event ids (UUIDv7 text) made in it. */
class JournalPartitionsTest {

    @Test
    void aMonthStartsAtTheFirstIdOfItsFirstMillisecond() {
        YearMonth december = YearMonth.of(2026, 12);
        Instant start = december.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String lowest = JournalPartitions.lowestId(december);

        String first = idAt(start);
        String lastOfNovember = idAt(start.minusMillis(1));
        String lastOfDecember = idAt(YearMonth.of(2027, 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .minusMillis(1));
        assertTrue(first.compareTo(lowest) >= 0, first + " is in December");
        assertTrue(lastOfNovember.compareTo(lowest) < 0, lastOfNovember + " is before it");
        assertTrue(lastOfDecember.compareTo(JournalPartitions.lowestId(december.plusMonths(1))) < 0,
                lastOfDecember + " is before January");
        assertEquals(first.substring(0, 13), lowest.substring(0, 13));
    }

    @Test
    void partitionsAreNamedByTableAndMonth() {
        assertEquals("sale_y2026m03", JournalPartitions.partition("sale", YearMonth.of(2026, 3)));
    }

    private static String idAt(Instant instant) {
        return new EventIds(Clock.fixed(instant, ZoneOffset.UTC)).create().toString();
    }
}
