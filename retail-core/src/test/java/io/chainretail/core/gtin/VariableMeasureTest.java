package io.chainretail.core.gtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariableMeasureTest {

    private final VariableMeasure scheme = VariableMeasure.parse(VariableMeasure.DEFAULT);

    @Test
    void readsThePluAndThePriceOrWeight() {
        String priced = Gtin.withCheckDigit("210004201250");
        assertEquals(Optional.of(new VariableMeasure.Reading("00042", VariableMeasure.Kind.PRICE, 1250)),
                scheme.read(priced));
        String weighed = Gtin.withCheckDigit("250004200735");
        assertEquals(Optional.of(new VariableMeasure.Reading("00042", VariableMeasure.Kind.WEIGHT, 735)),
                scheme.read(weighed));
    }

    @Test
    void aMisreadOrAnotherPrefixIsNotALabel() {
        String priced = Gtin.withCheckDigit("210004201250");
        String misread = priced.substring(0, 12) + ((priced.charAt(12) - '0' + 1) % 10);
        assertTrue(scheme.isVariable(misread));
        assertEquals(Optional.empty(), scheme.read(misread));
        assertFalse(scheme.isVariable("6901234567892"));
        assertFalse(VariableMeasure.parse("21:weight").isVariable(priced.replaceFirst("^21", "22")));
    }

    @Test
    void refusesSchemesOutsideTwentyToTwentyNine() {
        assertThrows(IllegalArgumentException.class, () -> VariableMeasure.parse("19-22:price"));
        assertThrows(IllegalArgumentException.class, () -> VariableMeasure.parse("20-22:price,22:weight"));
        assertThrows(IllegalArgumentException.class, () -> VariableMeasure.parse("20:volume"));
    }
}
