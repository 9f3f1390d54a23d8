package io.chainretail.devices.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.gtin.Gtin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Scans cut out of a serial stream: whole, split, behind noise, with a prefix; then read and checked. */
class ScanFramingTest {

    @Test
    void cutsScansAtTheirSuffix() {
        assertEquals(List.of("6901234567892", "]C19501101530003"),
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

    @Test
    void takesAnyLineEndByDefaultAndKeepsStrictOnesStrict() {
        ScanFraming any = new ScanFraming(null, ScanFraming.Suffix.ANY);
        assertEquals(List.of("A", "B", "C", "D"), feed(any, "A\rB\nC\r\nD\n\r"));
        assertEquals(List.of("E"), feed(any, "E\r"));
        assertEquals(List.of("F"), feed(any, "\nF\r\n"), "the LF of a CR LF split across reads ends nothing");
        assertEquals(List.of("AB"), feed(new ScanFraming(null, ScanFraming.Suffix.CRLF), "A\rB\r\n"));
    }

    @Test
    void aBurstOfScansInOneReadGivesEveryScanInOrder() {
        StringBuilder burst = new StringBuilder();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String code = Gtin.withCheckDigit("6940000%05d".formatted(i));
            sent.add(code);
            burst.append(code).append("\r\n");
        }
        assertEquals(sent, feed(new ScanFraming(null, ScanFraming.Suffix.ANY), burst.toString()));
    }

    @Test
    void theStartOfAScanThatNeverEndedIsDroppedAndReportedNotGluedToTheNext() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T09:00:00Z"));
        ScanFraming framing = new ScanFraming(null, ScanFraming.Suffix.ANY, Duration.ofMillis(300), now::get);
        assertEquals(List.of(), read(framing, "12"));
        now.set(now.get().plusMillis(200));
        assertEquals(List.of(), read(framing, "3"), "a slow line is still one scan");
        now.set(now.get().plusSeconds(5));
        List<ScannedCode> scans = read(framing, "6940000000010\r\n");
        assertEquals(2, scans.size(), scans.toString());
        assertFalse(scans.get(0).ok());
        assertTrue(scans.get(0).misread().startsWith("incomplete scan 123 dropped after 5000 ms"),
                scans.get(0).misread());
        assertEquals("6940000000010", scans.get(1).code());
        assertTrue(scans.get(1).ok());
    }

    @Test
    void garbageIsAMisreadNotACode() {
        List<ScannedCode> scans = read(new ScanFraming(null, ScanFraming.Suffix.ANY),
                "\u00c3\u00a9\u00ff\u00fe\u0080\u0081\r\n");
        assertEquals(1, scans.size());
        assertFalse(scans.get(0).ok());
        assertEquals("unreadable bytes c3 a9 ff fe 80 81", scans.get(0).misread());
    }

    @Test
    void readsGs1DataBarAndEanWithAddOn() {
        ScannedCode databar = ScannedCode.of("]e00109501101530003" + "3103000500" + "10LOT7\u001d" + "17261231");
        assertTrue(databar.ok(), databar.misread());
        assertEquals(Symbology.GS1_DATABAR, databar.symbology());
        assertEquals("9501101530003", databar.code(), "the GTIN-14 of a trade item is its GTIN-13");
        assertEquals(Map.of("01", "09501101530003", "3103", "000500", "10", "LOT7", "17", "261231"), databar.gs1());

        ScannedCode bracketed = ScannedCode.of("]C1(01)09501101530003(10)LOT7");
        assertEquals("9501101530003", bracketed.code());
        assertEquals("LOT7", bracketed.gs1().get("10"));
        assertFalse(ScannedCode.of("]C10109501101530004").ok(), "a GTIN in an element string is checked too");
        assertFalse(ScannedCode.of("]e001095011").ok(), "a field cut short");

        ScannedCode periodical = ScannedCode.of("]E3977123456700305");
        assertTrue(periodical.ok(), periodical.misread());
        assertEquals(Symbology.EAN13_ADD_ON, periodical.symbology());
        assertEquals("9771234567003", periodical.code());
        assertEquals("05", periodical.addOn());
        assertFalse(ScannedCode.of("]E3977123456700405").ok(), "the EAN-13's check digit");
        assertFalse(ScannedCode.of("]E39771234567003051").ok(), "neither a 2- nor a 5-digit add-on");
    }

    private static List<String> feed(ScanFraming framing, String text) {
        return read(framing, text).stream().map(scan -> (scan.symbology() == null ? "" : scan.symbology().aim())
                + scan.code()).toList();
    }

    private static List<ScannedCode> read(ScanFraming framing, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return framing.accept(bytes, bytes.length);
    }
}
