package io.chainretail.hq.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.time.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An address places its hour's share of shop orders, is refused the next, and may order again an hour on. */
class OrderLimitTest {

    private final MovableClock clock = new MovableClock();
    private final OrderLimit limit = new OrderLimit(3, clock);

    @Test
    void anAddressPlacesItsShareAnHourAndNoMore() {
        for (int i = 0; i < 3; i++) {
            limit.admit("203.0.113.7");
            clock.advance(Duration.ofMinutes(10));
        }
        Refusal refused = assertThrows(Refusal.class, () -> limit.admit("203.0.113.7"));
        assertEquals(ErrorCode.TOO_MANY_ORDERS, refused.code());
        assertTrue(refused.getMessage().contains("try again in 30 minutes"), refused.getMessage());
        limit.admit("198.51.100.1"); // another customer is not held back

        clock.advance(Duration.ofMinutes(29));
        assertThrows(Refusal.class, () -> limit.admit("203.0.113.7"));
        clock.advance(Duration.ofMinutes(1));
        limit.admit("203.0.113.7"); // the first order is an hour old: one more may come
        assertThrows(Refusal.class, () -> limit.admit("203.0.113.7"));
        limit.release("203.0.113.7"); // that order was refused: its place is free again
        limit.admit("203.0.113.7");
    }
}
