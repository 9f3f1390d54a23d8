package io.chainretail.devices.shelf;

import java.util.Arrays;

/**
 * Turns a slot's noisy gross weights into a count of units: the median of the last few readings (a hand
 * resting on the shelf or a swinging item is one outlier, not a sale), less the tare, divided by the
 * unit weight and rounded. A count changes only when the smoothed weight is clearly on the other side of
 * a half unit, so weight noise never makes it flicker.
 */
public final class SlotEstimator {

    private static final int WINDOW = 5;

    private final Slot slot;
    private final int[] recent = new int[WINDOW];
    private int filled;
    private int next;
    private int count = -1;

    public SlotEstimator(Slot slot) {
        this.slot = slot;
    }

    /** Adds a reading; returns the estimated number of units on the slot. */
    public int accept(int grossGrams) {
        recent[next] = grossGrams;
        next = (next + 1) % WINDOW;
        filled = Math.min(WINDOW, filled + 1);
        int[] sorted = Arrays.copyOf(recent, filled);
        Arrays.sort(sorted);
        double units = Math.max(0, sorted[filled / 2] - slot.tareGrams()) / (double) slot.unitGrams();
        int nearest = (int) Math.round(units);
        // Hysteresis: move only when a quarter unit past the halfway point between two counts.
        if (count < 0 || Math.abs(units - count) > 0.75) {
            count = nearest;
        }
        return count;
    }

    /** False until the first reading. */
    public boolean counted() {
        return count >= 0;
    }

    public int count() {
        return Math.max(0, count);
    }

    public Slot slot() {
        return slot;
    }
}
