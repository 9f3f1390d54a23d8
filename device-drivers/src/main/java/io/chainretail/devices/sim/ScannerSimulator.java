package io.chainretail.devices.sim;

import io.chainretail.devices.scanner.ScanFraming;
import io.chainretail.devices.scanner.Symbology;
import io.chainretail.devices.transport.SerialTransport;
import io.chainretail.devices.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A serial barcode scanner: it sends each scan as the real ones do, prefix, AIM symbology identifier,
 * data and suffix, over the device end of a serial line (a socat pty). It can also send raw bytes, to
 * play line noise or a scan split across two reads.
 */
public final class ScannerSimulator implements AutoCloseable {

    private final Transport line;
    private final String prefix;
    private final ScanFraming.Suffix suffix;

    public ScannerSimulator(String path, String prefix, ScanFraming.Suffix suffix) throws IOException {
        this.line = new SerialTransport(path, 9_600);
        this.prefix = prefix == null ? "" : prefix;
        this.suffix = suffix;
        line.open();
    }

    /** One scan of {@code code}, with its AIM identifier when {@code symbology} is given. */
    public void scan(Symbology symbology, String code) throws IOException {
        raw(frame(symbology, code));
    }

    /** The bytes the scanner sends for one scan. */
    public byte[] frame(Symbology symbology, String code) {
        String end = switch (suffix) {
            case CR -> "\r";
            case LF -> "\n";
            case CRLF, ANY -> "\r\n";
        };
        return (prefix + (symbology == null ? "" : symbology.aim()) + code + end).getBytes(StandardCharsets.US_ASCII);
    }

    public void raw(byte[] bytes) throws IOException {
        line.write(bytes);
    }

    @Override
    public void close() {
        line.close();
    }
}
