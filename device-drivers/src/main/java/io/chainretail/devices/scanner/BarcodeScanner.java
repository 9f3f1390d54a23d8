package io.chainretail.devices.scanner;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.transport.Transport;
import java.time.Duration;

/**
 * A barcode scanner: serial or USB CDC-ACM (its stream cut into scans by {@link ScanFraming}) or USB HID
 * POS (its input reports joined by {@link HidPosReports}); each scan
 * read with its symbology and check digit ({@link ScannedCode}); a good scan is a
 * {@link DeviceEvent.Data} carrying the {@link ScannedCode}, a misread a {@link DeviceEvent.Error}.
 */
public final class BarcodeScanner extends Device {

    private final ScanFrames framing;

    public BarcodeScanner(String name, Transport transport, ScanFrames framing) {
        super(name, transport, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMillis(50));
        this.framing = framing;
    }

    @Override
    protected void connected(Transport transport) {
        // A scanner talks first; nothing to set up.
    }

    @Override
    protected void received(byte[] bytes, int count) {
        for (String frame : framing.accept(bytes, count)) {
            ScannedCode scan = ScannedCode.of(frame);
            emit(scan.ok() ? new DeviceEvent.Data(name(), scan)
                    : new DeviceEvent.Error(name(), "Misread: scan it again. (" + scan.misread() + ")"));
        }
    }

    /** Bytes dropped as noise. */
    public int noise() {
        return framing.noise();
    }
}
