package io.chainretail.devices.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** USB HID POS scanned-data reports joined into scans; other and malformed reports are noise. */
class HidPosReportsTest {

    @Test
    void oneReportIsOneScanWithItsAimIdentifier() {
        HidPosReports reports = new HidPosReports();
        byte[] report = HidPosReports.reportsFor("]E0", "5901234123457");
        assertEquals(64, report.length);
        assertEquals(List.of(ScannedCode.of("]E05901234123457")), reports.accept(report, report.length));
        ScannedCode scan = ScannedCode.of("]E05901234123457");
        assertEquals(Symbology.EAN13, scan.symbology());
    }

    @Test
    void aLongScanContinuesAcrossReportsEvenWhenTheyArriveInSeparateReads() {
        String url = "https://example.com/" + "q".repeat(100);
        byte[] bytes = HidPosReports.reportsFor("]Q1", url);
        assertEquals(3 * 64, bytes.length, "56 data bytes a report");
        HidPosReports reports = new HidPosReports();
        List<ScannedCode> scans = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += 64) {
            scans.addAll(reports.accept(Arrays.copyOfRange(bytes, at, at + 64), 64));
        }
        assertEquals(List.of(ScannedCode.of("]Q1" + url)), scans);
    }

    @Test
    void otherReportsAndMalformedOnesAreNoiseAndDropAHalfScan() {
        HidPosReports reports = new HidPosReports();
        byte[] status = new byte[64];
        status[0] = 0x04;
        assertEquals(List.of(), reports.accept(status, 64));
        byte[] tooLong = HidPosReports.reportsFor("]E0", "5901234123457");
        tooLong[1] = 60;
        assertEquals(List.of(), reports.accept(tooLong, 64));
        byte[] twoParts = HidPosReports.reportsFor("]Q1", "z".repeat(70));
        reports.accept(twoParts, 64); // the first half only...
        assertEquals(List.of(), reports.accept(new byte[10], 10), "...then a short read: the half is dropped");
        byte[] clean = HidPosReports.reportsFor("]E0", "4006381333931");
        assertEquals(List.of(ScannedCode.of("]E04006381333931")), reports.accept(clean, 64));
        assertEquals(64 + 64 + 56 + 10, reports.noise());
    }
}
