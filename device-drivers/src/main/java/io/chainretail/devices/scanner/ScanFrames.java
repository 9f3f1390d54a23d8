package io.chainretail.devices.scanner;

import java.util.List;

/**
 * How a scanner's input is cut into scans, each an optional AIM identifier followed by the data, and
 * read ({@link ScannedCode#of}): {@link ScanFraming} for a serial byte stream, {@link HidPosReports} for
 * USB HID POS reports.
 */
public interface ScanFrames {

    /**
     * The scans completed by these bytes (what the transport read last), in the order they came; a misread,
     * and the start of a scan that never ended, are scans that are not {@link ScannedCode#ok()}.
     */
    List<ScannedCode> accept(byte[] bytes, int count);

    /** Bytes dropped as noise so far. */
    int noise();
}
