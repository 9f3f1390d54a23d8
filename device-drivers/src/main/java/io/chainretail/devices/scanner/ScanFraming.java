package io.chainretail.devices.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a serial scanner's byte stream into scans: each is the configured prefix (if any), the data,
 * and the suffix. Any number of scans may come in one read, and one scan may be split across reads.
 * Bytes before a prefix, control bytes inside a scan and runs longer than any barcode are line noise,
 * dropped and counted. A scanner sends a whole scan in a few milliseconds, so the start of a scan that
 * then stays silent for longer than the fragment timeout will never be finished: it is dropped and
 * reported, never glued to the front of the next scan.
 */
public final class ScanFraming implements ScanFrames {

    /**
     * How a scan ends. {@code ANY} takes CR, LF or CR LF (what scanners are set to varies from store to
     * store); the others are strict, for a scanner whose data may contain the other line end.
     */
    public enum Suffix { ANY, CR, LF, CRLF }

    /** A scanner's bytes follow each other within milliseconds even at 9,600 baud. */
    public static final Duration DEFAULT_FRAGMENT_TIMEOUT = Duration.ofMillis(300);

    private static final int LONGEST = 512;

    private final byte[] prefix;
    private final Suffix suffix;
    private final Duration fragmentTimeout;
    private final InstantSource clock;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean sawCr;
    private boolean resyncing;
    private Instant lastByteAt = Instant.MIN;
    private int noise;

    public ScanFraming(String prefix, Suffix suffix) {
        this(prefix, suffix, DEFAULT_FRAGMENT_TIMEOUT, InstantSource.system());
    }

    public ScanFraming(String prefix, Suffix suffix, Duration fragmentTimeout, InstantSource clock) {
        this.prefix = prefix == null ? new byte[0] : prefix.getBytes(StandardCharsets.US_ASCII);
        this.suffix = suffix;
        this.fragmentTimeout = fragmentTimeout;
        this.clock = clock;
        this.inFrame = this.prefix.length == 0;
    }

    @Override
    public List<ScannedCode> accept(byte[] bytes, int count) {
        List<ScannedCode> scans = new ArrayList<>();
        Instant now = clock.instant();
        if (count > 0 && begun() && Duration.between(lastByteAt, now).compareTo(fragmentTimeout) > 0) {
            String fragment = new String(prefixSeen(), StandardCharsets.ISO_8859_1)
                    + frame.toString(StandardCharsets.ISO_8859_1);
            noise += frame.size();
            scans.add(ScannedCode.incomplete(fragment, Duration.between(lastByteAt, now)));
            restart();
        }
        if (count > 0) {
            lastByteAt = now;
        }
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r' || b == '\n') {
                if (ends(b)) {
                    if (inFrame && !resyncing && frame.size() > 0) {
                        scans.add(ScannedCode.of(frame.toString(StandardCharsets.ISO_8859_1)));
                    }
                    restart();
                }
                sawCr = b == '\r';
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

    /** Whether this line end ends a scan; with {@code ANY}, the LF of a CR LF belongs to the CR's scan. */
    private boolean ends(int b) {
        return switch (suffix) {
            case ANY -> b == '\r' || !sawCr;
            case CR -> b == '\r';
            case LF -> b == '\n';
            case CRLF -> b == '\n' && sawCr;
        };
    }

    /** Whether part of a scan has come that its suffix has not yet ended. */
    private boolean begun() {
        return frame.size() > 0 && !resyncing || inFrame && prefix.length > 0;
    }

    private byte[] prefixSeen() {
        return inFrame ? prefix : new byte[0];
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
