package io.chainretail.devices.shelf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gross weights to units: tare off, unit weight, median against outliers, no flicker on noise. */
class SlotEstimatorTest {

    private final SlotEstimator cans = new SlotEstimator(new Slot("COLA-330", 120, 350, 2));

    @Test
    void countsUnitsFromGrossWeight() {
        assertEquals(0, cans.accept(120), "the empty tray");
        for (int i = 0; i < 5; i++) {
            cans.accept(120 + 5 * 350);
        }
        assertEquals(5, cans.count());
    }

    @Test
    void ignoresAHandOnTheShelfAndNoise() {
        for (int i = 0; i < 5; i++) {
            cans.accept(120 + 4 * 350 + (i % 2 == 0 ? 40 : -40));
        }
        assertEquals(4, cans.count());
        assertEquals(4, cans.accept(120 + 4 * 350 + 3_000), "one heavy reading is an outlier");
        assertEquals(4, cans.accept(120 + 4 * 350 + 160), "within half a unit: no flicker");
    }

    @Test
    void followsUnitsTakenOff() {
        for (int i = 0; i < 5; i++) {
            cans.accept(120 + 6 * 350);
        }
        for (int i = 0; i < 3; i++) {
            cans.accept(120 + 2 * 350);
        }
        assertEquals(2, cans.count(), "once most recent readings agree");
    }
}
