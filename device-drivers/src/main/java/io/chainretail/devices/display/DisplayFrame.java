package io.chainretail.devices.display;

import io.chainretail.devices.text.TextWidth;

/**
 * What a two-line customer display shows: an upper and a lower line, each fitted to the display's columns
 * (a Chinese character takes two).
 */
public record DisplayFrame(String upper, String lower) {

    public DisplayFrame {
        upper = upper == null ? "" : upper;
        lower = lower == null ? "" : lower;
    }

    /** {@code left} and {@code right} on one line of {@code columns}: the left text cut to leave room. */
    public static String spread(String left, String right, int columns) {
        String shownRight = TextWidth.fit(right, columns);
        int room = columns - TextWidth.of(shownRight);
        String shownLeft = TextWidth.fit(left, Math.max(0, room - 1));
        int gap = columns - TextWidth.of(shownLeft) - TextWidth.of(shownRight);
        return shownLeft + " ".repeat(Math.max(0, gap)) + shownRight;
    }
}
