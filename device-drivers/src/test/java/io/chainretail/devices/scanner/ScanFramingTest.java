package io.chainretail.devices.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scans cut out of a serial stream: whole, split, behind noise, with a prefix; then read and checked. */
class ScanFramingTest {

    @Test
    void cutsScansAtTheirSuffix() {
        assertEquals(List.of("6901234567892", "]C1(01)09501101530003"),
                feed(new ScanFraming(null, ScanFraming.Suffix.CR), "6901234567892\r]C1(01)09501101530003\r"));
        assertEquals(List.of("A", "B"), feed(new ScanFraming(null, ScanFraming.Suffix.CRLF), "A\r\nB\r\n"));
        assertEquals(List.of("A"), feed(new ScanFraming(null, ScanFraming.Suffix.LF), "A\n\n"));
    }

    @Test
    void joinsAScanSplitAcrossReads() {
        ScanFraming framing = new ScanFraming(null, ScanFraming.Suffix.CRLF);
        assertEquals(List.of(), feed(framing, "]E06901"));
        assertEquals(List.of(), feed(framing, "234567892\r"));
        assertEquals(List.of("]E06901234567892"), feed(framing, "\n"));
    }

    @Test
    void dropsNoiseAndResynchronises() {
        ScanFraming framing = new ScanFraming("~", ScanFraming.Suffix.CR);
        // Garbage before the prefix, a scan broken by a control byte, then a clean scan.
        assertEquals(List.of("4006381333931"), feed(framing, "xx\u0007~123\u0001456\r~4006381333931\r"));
        assertTrue(framing.noise() >= 6, "noise counted: " + framing.noise());
    }

    @Test
    void readsSymbologyAndRefusesAMisread() {
        ScannedCode ean = ScannedCode.of("]E06901234567892");
        assertTrue(ean.ok());
        assertEquals(Symbology.EAN13, ean.symbology());
        assertEquals("6901234567892", ean.code());

        ScannedCode misread = ScannedCode.of("]E06901234567893");
        assertFalse(misread.ok());
        assertTrue(misread.misread().contains("should end in 2"), misread.misread());
        assertFalse(ScannedCode.of("6901234567893").ok(), "digits alone are checked as a GTIN too");

        ScannedCode qr = ScannedCode.of("]Q1https://example.com/coupon/C10");
        assertTrue(qr.ok());
        assertEquals(Symbology.QR, qr.symbology());
        assertFalse(ScannedCode.of("]Z9abc").ok(), "an unknown identifier is not trusted");
    }

    private static List<String> feed(ScanFraming framing, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new ArrayList<>(framing.accept(bytes, bytes.length));
    }
}
