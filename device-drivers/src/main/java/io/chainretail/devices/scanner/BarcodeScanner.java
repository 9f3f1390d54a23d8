package io.chainretail.devices.scanner;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.transport.Transport;
import java.time.Duration;

/**
 * A serial or USB CDC-ACM barcode scanner: its stream is cut into scans ({@link ScanFraming}), each
 * read with its symbology and check digit ({@link ScannedCode}); a good scan is a
 * {@link DeviceEvent.Data} carrying the {@link ScannedCode}, a misread a {@link DeviceEvent.Error}.
 */
public final class BarcodeScanner extends Device {

    private final ScanFraming framing;

    public BarcodeScanner(String name, Transport transport, ScanFraming framing) {
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

    /** Bytes dropped as line noise. */
    public int noise() {
        return framing.noise();
    }
}
