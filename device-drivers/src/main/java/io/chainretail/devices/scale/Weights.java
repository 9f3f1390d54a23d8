package io.chainretail.devices.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/** Weights as scales write them, in grams. */
final class Weights {

    private Weights() {
    }

    /** Grams in a decimal number of kilograms ({@code "01.234"}, {@code " 13.5"}), or empty if it is none. */
    static OptionalLong gramsOfKilograms(String text) {
        String digits = text.strip();
        if (!digits.matches("\\d{1,7}(\\.\\d{1,5})?|\\.\\d{1,5}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(new BigDecimal(digits).movePointRight(3).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }
}
