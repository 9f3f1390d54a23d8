package io.chainretail.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesDecimalAmountsExactly() {
        assertEquals(Money.of(1250, "CNY"), Money.parse("12.50", "CNY"));
        assertEquals(Money.of(10, "EUR"), Money.parse("0.1", "EUR"));
        assertEquals(Money.of(500, "JPY"), Money.parse("500", "JPY"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.5", "JPY"));
    }

    @Test
    void arithmeticStaysInMinorUnits() {
        Money price = Money.of(333, "CNY");
        assertEquals(Money.of(999, "CNY"), price.times(3));
        assertEquals("9.99", price.times(3).toDecimalString());
        assertEquals(Money.of(0, "CNY"), price.minus(price));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "CNY").plus(Money.of(1, "EUR")));
    }

    @Test
    void overflowIsAnErrorNotAWrongTotal() {
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "EUR").times(2));
    }
}
