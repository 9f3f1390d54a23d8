package io.chainretail.agent.lane;

import io.chainretail.core.money.Money;

/** Text layout shared by the lane's slips: 42 columns, like an 80 mm printer's font A. */
public final class ReceiptColumns {

    public static final int WIDTH = 42;

    private ReceiptColumns() {
    }

    /** {@code left} and {@code right} on one line, {@code left} cut short if both do not fit. */
    public static String columns(String left, String right) {
        int room = WIDTH - right.length() - 1;
        String cut = left.length() > room ? left.substring(0, Math.max(0, room)) : left;
        return cut + " ".repeat(Math.max(1, WIDTH - cut.length() - right.length())) + right;
    }

    public static String center(String text) {
        return " ".repeat(Math.max(0, (WIDTH - text.length()) / 2)) + text;
    }

    public static String rule() {
        return "-".repeat(WIDTH);
    }

    /** An amount as the receipt prints it, {@code 12.50}; the bare number when the currency is unknown. */
    public static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
