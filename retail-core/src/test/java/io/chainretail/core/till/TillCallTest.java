package io.chainretail.core.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TillCallTest {

    @Test
    void parametersAreFilledInOrderAndEncoded() {
        assertEquals("/api/till/sales/S%2F1%20x/lines/3/void", TillCall.VOID_LINE.path("S/1 x", 3));
        assertEquals("/api/till/receipts/%E5%B0%8F%E7%A5%A8/reprint", TillCall.REPRINT.path("小票"));
        assertEquals("/api/till/sales", TillCall.OPEN_SALE.path());
    }

    @Test
    void theWrongNumberOfParametersIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> TillCall.VOID_LINE.path("S-1"));
        assertThrows(IllegalArgumentException.class, () -> TillCall.OPEN_SALE.path("S-1"));
    }
}
