package io.chainretail.devices.scanner;

import java.util.List;

/**
 * How a scanner's input is cut into scans, each an optional AIM identifier followed by the data:
 * {@link ScanFraming} for a serial byte stream, {@link HidPosReports} for USB HID POS reports.
 */
public interface ScanFrames {

    /** The scans completed by these bytes (what the transport read last). */
    List<String> accept(byte[] bytes, int count);

    /** Bytes dropped as noise so far. */
    int noise();
}
