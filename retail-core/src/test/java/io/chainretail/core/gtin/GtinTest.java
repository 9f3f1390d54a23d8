package io.chainretail.core.gtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "6901234567892", "036000291452", "96385074", "10614141000415"})
    void acceptsRealCodesOfEveryLength(String code) {
        assertNull(Gtin.problem(code));
    }

    @Test
    void explainsAWrongCheckDigit() {
        assertEquals("barcode 4006381333932 has check digit 2 but should end in 1", Gtin.problem("4006381333932"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "40063813339X1", "400638133393100"})
    void rejectsMalformedCodes(String code) {
        assertFalse(Gtin.isValid(code));
    }

    @Test
    void computesCheckDigits() {
        assertEquals("4006381333931", Gtin.withCheckDigit("400638133393"));
        assertTrue(Gtin.isValid(Gtin.withCheckDigit("690123456789")));
    }

    @Test
    void upcAndItsEan13FormShareOneKey() {
        assertEquals(Gtin.toGtin14("036000291452"), Gtin.toGtin14("0036000291452"));
    }
}
