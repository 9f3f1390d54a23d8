package io.chainretail.core.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void percentagesRoundHalfUp() {
        assertEquals(1, Rounding.percentOf(5, 1000));
        assertEquals(0, Rounding.percentOf(4, 1000));
        assertEquals(194, Rounding.percentOf(1290, 1500));
    }

    @Test
    void sharesRoundHalfUp() {
        assertEquals(333, Rounding.share(1000, 1, 3));
        assertEquals(667, Rounding.share(1000, 2, 3));
        assertEquals(1000, Rounding.share(1000, 3, 3));
    }

    @Test
    void weighedPricesRoundHalfUp() {
        assertEquals(1148, Rounding.ofWeight(2990, 384));
        assertEquals(1, Rounding.ofWeight(1, 500));
    }

    @Test
    void includedTaxIsTheShareOfTheGrossAmount() {
        assertEquals(115, Rounding.includedTax(1000, 1300));
        assertEquals(0, Rounding.includedTax(0, 1300));
    }

    @Test
    void allocationAddsUpAndGivesLeftoversToTheLargestRemainders() {
        assertArrayEquals(new long[] {92, 78, 55}, Rounding.allocate(225, new long[] {500, 425, 300}));
        assertArrayEquals(new long[] {34, 33, 33}, Rounding.allocate(100, new long[] {1, 1, 1}));
        assertArrayEquals(new long[] {0, 0}, Rounding.allocate(0, new long[] {5, 5}));
        assertArrayEquals(new long[] {5, 5}, Rounding.allocate(10, new long[] {5, 5}));
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long big = Long.MAX_VALUE / 2;
        assertArrayEquals(new long[] {big / 2 + 1, big / 2}, Rounding.allocate(big, new long[] {big, big}));
    }
}
