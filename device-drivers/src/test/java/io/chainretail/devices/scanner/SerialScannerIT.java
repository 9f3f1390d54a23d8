package io.chainretail.devices.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.sim.ScannerSimulator;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.SocatPair;
import io.chainretail.devices.transport.SerialTransport;
import io.chainretail.core.gtin.Gtin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A serial scanner on a socat pty pair: clean scans, a split one, noise, a misread, CR-only and LF-only
 * scanners, garbage, fifty scans in one write, the cable pulled.
 */
class SerialScannerIT {

    @Test
    void readsScansOverASerialLine() throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "scanner")) {
            List<DeviceEvent> events = new CopyOnWriteArrayList<>();
            BarcodeScanner scanner = new BarcodeScanner("lane-01-scanner", new SerialTransport(cable.driverEnd(),
                    9_600), new ScanFraming(null, ScanFraming.Suffix.ANY));
            scanner.addListener(events::add);
            scanner.open();
            Await.until(() -> scanner.state() == DeviceState.IDLE, "the scanner opens");
            try (ScannerSimulator gun = new ScannerSimulator(cable.deviceEnd(), null, ScanFraming.Suffix.CRLF)) {
                gun.scan(Symbology.EAN13, "6901234567892");
                byte[] split = gun.frame(Symbology.GS1_128, "(01)09501101530003");
                gun.raw(Arrays.copyOf(split, 7));
                Thread.sleep(100);
                gun.raw(Arrays.copyOfRange(split, 7, split.length));
                gun.raw(new byte[] {0x00, 0x07, (byte) 0xFF, '\r', '\n'});
                gun.scan(Symbology.EAN13, "6901234567893");
                Await.until(() -> data(events).size() == 2 && errors(events).size() == 1, "two scans and a misread");
                // A scanner set to CR alone, one set to LF alone, then garbage at a wrong baud rate.
                gun.raw("4006381333931\r".getBytes(StandardCharsets.US_ASCII));
                gun.raw("6901234567892\n".getBytes(StandardCharsets.US_ASCII));
                gun.raw(new byte[] {(byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0xfe, (byte) 0x80, (byte) 0x81,
                        '\r'});
                Await.until(() -> data(events).size() == 4 && errors(events).size() == 2, "two more and garbage");
                // Fifty scans in one write.
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    burst.append(Gtin.withCheckDigit("6940000%05d".formatted(i))).append("\r\n");
                }
                gun.raw(burst.toString().getBytes(StandardCharsets.US_ASCII));
                Await.until(() -> data(events).size() == 54, "every scan of the burst");
            }
            assertEquals(List.of("6901234567892", "9501101530003", "4006381333931", "6901234567892"),
                    data(events).subList(0, 4));
            for (int i = 0; i < 50; i++) {
                assertEquals(Gtin.withCheckDigit("6940000%05d".formatted(i)), data(events).get(4 + i), "in order");
            }
            assertEquals("unreadable bytes c3 a9 ff fe 80 81", errors(events).get(1));
            assertTrue(errors(events).get(0).startsWith("misread 6901234567893"), errors(events).toString());
            assertTrue(scanner.noise() > 0);

            cable.kill();
            Await.until(() -> scanner.state() == DeviceState.ERROR, "the scanner notices the cable is gone");
            cable.start();
            Await.until(() -> scanner.state() == DeviceState.IDLE, "and opens it again when it is back");
            try (ScannerSimulator gun = new ScannerSimulator(cable.deviceEnd(), null, ScanFraming.Suffix.CRLF)) {
                gun.scan(null, "4006381333931");
                Await.until(() -> data(events).size() == 55, "a scan after the reconnect");
            }
            scanner.close();
        }
    }

    private static List<ScannedCode> scans(List<DeviceEvent> events) {
        return events.stream().filter(e -> e instanceof DeviceEvent.Data)
                .map(e -> (ScannedCode) ((DeviceEvent.Data) e).data()).toList();
    }

    private static List<String> data(List<DeviceEvent> events) {
        return scans(events).stream().filter(ScannedCode::ok).map(ScannedCode::code).toList();
    }

    private static List<String> errors(List<DeviceEvent> events) {
        return scans(events).stream().filter(scan -> !scan.ok()).map(ScannedCode::misread).toList();
    }

}
