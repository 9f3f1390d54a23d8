package io.chainretail.devices.scanner;

import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.transport.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A barcode scanner: serial or USB CDC-ACM (its stream cut into scans by {@link ScanFraming}) or USB HID
 * POS (its input reports joined by {@link HidPosReports}); each scan
 * read with its symbology and check digit ({@link ScannedCode}); every scan, good or misread, is a
 * {@link DeviceEvent.Data} carrying its {@link ScannedCode}.
 */
public final class BarcodeScanner extends Device {

    private final ScanFrames framing;
    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong misreads = new AtomicLong();

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
        for (ScannedCode scan : framing.accept(bytes, count)) {
            (scan.ok() ? scans : misreads).incrementAndGet();
            emit(new DeviceEvent.Data(name(), scan));
        }
    }

    /** Scans read since the scanner was made. */
    public long scans() {
        return scans.get();
    }

    /** Misreads (and scans that never ended) since the scanner was made. */
    public long misreads() {
        return misreads.get();
    }

    /** Bytes dropped as noise. */
    public int noise() {
        return framing.noise();
    }
}
