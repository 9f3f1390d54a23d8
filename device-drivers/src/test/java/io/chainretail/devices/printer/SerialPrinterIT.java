package io.chainretail.devices.printer;

import static io.chainretail.devices.printer.ReceiptPrinterTest.receipt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.SocatPair;
import io.chainretail.devices.transport.SerialTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A serial printer on a socat pty pair: prints, reports paper out, survives its cable pulled and put back. */
class SerialPrinterIT {

    private static final PrinterProfile PROFILE = PrinterProfile.GENERIC_58MM;

    @Test
    void printsOverASerialLineAndReconnectsAfterTheCableIsPulled() throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "printer")) {
            PrinterSimulator simulator = PrinterSimulator.onSerial(cable.deviceEnd(), PROFILE, null);
            ReceiptPrinter printer = new ReceiptPrinter("serial-printer", new SerialTransport(cable.driverEnd(),
                    115_200), PROFILE);
            try {
                printer.open();
                Await.until(() -> printer.state() == DeviceState.IDLE, "the printer opens the pty");
                ReceiptLayout.Printed first = new ReceiptLayout(PROFILE).print(receipt("0001-01-000010"));
                printer.print("serial-1", first.bytes()).get(5, TimeUnit.SECONDS);
                assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
                assertEquals(first.text(), simulator.printed().get(0).text());

                simulator.paperOut(true);
                Await.until(() -> printer.state() == DeviceState.ERROR, "paper out reaches the driver over the line");
                simulator.paperOut(false);
                Await.until(() -> printer.state() == DeviceState.IDLE, "paper back");

                cable.kill();
                Await.until(() -> printer.state() == DeviceState.ERROR, "the driver notices the cable is gone");
                ReceiptPrinterTest.assertBacksOff(printer);

                cable.start();
                var second = printer.print("serial-2", new ReceiptLayout(PROFILE).print(receipt("0001-01-000011"))
                        .bytes());
                second.get(20, TimeUnit.SECONDS);
                assertTrue(simulator.awaitPrinted(2, Duration.ofSeconds(5)), "printed after the cable came back");
            } finally {
                printer.close();
                simulator.close();
            }
        }
    }
}
