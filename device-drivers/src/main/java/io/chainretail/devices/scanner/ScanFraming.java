package io.chainretail.devices.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a serial scanner's byte stream into scans: each is the configured prefix (if any), the data,
 * and the suffix (CR, LF or CR LF). Scans split across reads are joined; bytes before a prefix, control
 * bytes inside a scan and runs longer than any barcode are line noise, dropped and counted.
 */
public final class ScanFraming implements ScanFrames {

    /** How a scan ends. */
    public enum Suffix { CR, LF, CRLF }

    private static final int LONGEST = 512;

    private final byte[] prefix;
    private final Suffix suffix;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean sawCr;
    private boolean resyncing;
    private int noise;

    public ScanFraming(String prefix, Suffix suffix) {
        this.prefix = prefix == null ? new byte[0] : prefix.getBytes(StandardCharsets.US_ASCII);
        this.suffix = suffix;
        this.inFrame = this.prefix.length == 0;
    }

    @Override
    public List<String> accept(byte[] bytes, int count) {
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r' || b == '\n') {
                boolean ends = suffix == Suffix.CR && b == '\r' || suffix == Suffix.LF && b == '\n'
                        || suffix == Suffix.CRLF && b == '\n' && sawCr;
                sawCr = b == '\r';
                if (ends) {
                    if (inFrame && !resyncing && frame.size() > 0) {
                        scans.add(frame.toString(StandardCharsets.ISO_8859_1));
                    }
                    restart();
                }
                continue;
            }
            sawCr = false;
            if (resyncing) {
                noise++;
            } else if (!inFrame) {
                huntPrefix(b);
            } else if (b < 0x20 && b != 0x1D || b == 0x7F || frame.size() >= LONGEST) {
                // GS (0x1D) separates GS1 fields; other control bytes or an endless run are no scan: drop
                // what came and everything up to the next suffix.
                noise += frame.size() + 1;
                frame.reset();
                resyncing = true;
            } else {
                frame.write(b);
            }
        }
        return scans;
    }

    /** Matches the prefix byte by byte; what does not match is noise. */
    private void huntPrefix(int b) {
        frame.write(b);
        int seen = frame.size();
        if ((prefix[seen - 1] & 0xFF) != b) {
            noise += seen;
            frame.reset();
        } else if (seen == prefix.length) {
            frame.reset();
            inFrame = true;
        }
    }

    @Override
    public int noise() {
        return noise;
    }

    private void restart() {
        frame.reset();
        resyncing = false;
        inFrame = prefix.length == 0;
    }
}
