package io.chainretail.devices.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the input reports of a USB HID POS barcode scanner (usage page 0x8C) into scans. Each 64-byte
 * "scanned data" report is: report id 2; the number of data bytes in this report (at most 56); the AIM
 * symbology identifier ({@code ]E0}); the data, zero-padded; and in the last byte, bit 0 set when the
 * scan continues in the next report. A scan becomes the AIM identifier followed by all its data.
 * Reports of other ids (status, feature replies) and malformed ones are noise; a malformed report also
 * drops the scan it would have continued.
 */
public final class HidPosReports implements ScanFrames {

    public static final int REPORT_SIZE = 64;
    static final int SCANNED_DATA_REPORT = 0x02;
    static final int MAX_DATA = 56;
    private static final int LONGEST = 4096;

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private String symbology = "";
    private boolean continuing;
    private int noise;

    @Override
    public List<ScannedCode> accept(byte[] bytes, int count) {
        List<ScannedCode> scans = new ArrayList<>();
        for (int start = 0; start < count; start += REPORT_SIZE) {
            int length = Math.min(REPORT_SIZE, count - start);
            if (length < REPORT_SIZE || (bytes[start] & 0xff) != SCANNED_DATA_REPORT
                    || (bytes[start + 1] & 0xff) > MAX_DATA) {
                noise += length + data.size();
                reset();
                continue;
            }
            if (!continuing) {
                symbology = bytes[start + 2] == ']'
                        ? new String(bytes, start + 2, 3, StandardCharsets.US_ASCII) : "";
            }
            data.write(bytes, start + 5, bytes[start + 1] & 0xff);
            continuing = (bytes[start + REPORT_SIZE - 1] & 0x01) != 0;
            if (data.size() > LONGEST) {
                noise += data.size();
                reset();
            } else if (!continuing) {
                if (data.size() > 0) {
                    scans.add(ScannedCode.of(symbology + data.toString(StandardCharsets.ISO_8859_1)));
                }
                reset();
            }
        }
        return scans;
    }

    @Override
    public int noise() {
        return noise;
    }

    /** The report(s) a HID POS scanner sends for one scan: for simulators and tests. */
    public static byte[] reportsFor(String aim, String code) {
        byte[] payload = code.getBytes(StandardCharsets.ISO_8859_1);
        int reports = Math.max(1, (payload.length + MAX_DATA - 1) / MAX_DATA);
        byte[] out = new byte[reports * REPORT_SIZE];
        for (int r = 0; r < reports; r++) {
            int at = r * REPORT_SIZE;
            int chunk = Math.min(MAX_DATA, payload.length - r * MAX_DATA);
            out[at] = SCANNED_DATA_REPORT;
            out[at + 1] = (byte) chunk;
            System.arraycopy(aim.getBytes(StandardCharsets.US_ASCII), 0, out, at + 2, 3);
            System.arraycopy(payload, r * MAX_DATA, out, at + 5, chunk);
            out[at + REPORT_SIZE - 1] = (byte) (r < reports - 1 ? 1 : 0);
        }
        return out;
    }

    private void reset() {
        data.reset();
        continuing = false;
        symbology = "";
    }
}
