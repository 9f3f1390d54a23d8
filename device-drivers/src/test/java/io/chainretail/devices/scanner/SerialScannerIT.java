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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A serial scanner on a socat pty pair: clean scans, a split one, noise, a misread, the cable pulled. */
class SerialScannerIT {

    @Test
    void readsScansOverASerialLine() throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "scanner")) {
            List<DeviceEvent> events = new CopyOnWriteArrayList<>();
            BarcodeScanner scanner = new BarcodeScanner("lane-01-scanner", new SerialTransport(cable.driverEnd(),
                    9_600), new ScanFraming(null, ScanFraming.Suffix.CRLF));
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
            }
            assertEquals(List.of("6901234567892", "(01)09501101530003"), data(events));
            assertTrue(errors(events).get(0).startsWith("Misread: scan it again."), errors(events).toString());
            assertTrue(scanner.noise() > 0);

            cable.kill();
            Await.until(() -> scanner.state() == DeviceState.ERROR, "the scanner notices the cable is gone");
            cable.start();
            Await.until(() -> scanner.state() == DeviceState.IDLE, "and opens it again when it is back");
            try (ScannerSimulator gun = new ScannerSimulator(cable.deviceEnd(), null, ScanFraming.Suffix.CRLF)) {
                gun.scan(null, "4006381333931");
                Await.until(() -> data(events).size() == 3, "a scan after the reconnect");
            }
            scanner.close();
        }
    }

    private static List<String> data(List<DeviceEvent> events) {
        return events.stream().filter(e -> e instanceof DeviceEvent.Data)
                .map(e -> ((ScannedCode) ((DeviceEvent.Data) e).data()).code()).toList();
    }

    private static List<String> errors(List<DeviceEvent> events) {
        return events.stream().filter(e -> e instanceof DeviceEvent.Error).map(e -> ((DeviceEvent.Error) e).message())
                .filter(m -> m.startsWith("Misread")).toList();
    }

}
