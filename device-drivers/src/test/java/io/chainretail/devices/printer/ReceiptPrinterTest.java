package io.chainretail.devices.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.receipt.Receipt;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.transport.MemoryTransport;
import io.chainretail.devices.transport.TcpTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The printer driver against the printer simulator on a loopback TCP port, as with a network printer. */
class ReceiptPrinterTest {

    private static final PrinterProfile PROFILE = PrinterProfile.GENERIC_80MM;

    private PrinterSimulator simulator;
    private ReceiptPrinter printer;
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        simulator = PrinterSimulator.onTcp(0, PROFILE, Path.of("target/printed"));
        printer = new ReceiptPrinter("lane-01-printer", new TcpTransport("127.0.0.1", simulator.port(),
                Duration.ofSeconds(1)), PROFILE);
        printer.addListener(events::add);
        printer.open();
        Await.until(() -> printer.state() == DeviceState.IDLE, "the printer connects");
    }

    @AfterEach
    void disconnect() {
        printer.close();
        simulator.close();
    }

    @Test
    void printsAReceiptInOneWriteAndTheSimulatorReadsItsText() throws Exception {
        ReceiptLayout.Printed receipt = new ReceiptLayout(PROFILE).print(receipt("0001-01-000001"));
        printer.print("job-1", receipt.bytes()).get(5, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
        assertEquals(receipt.text(), simulator.printed().get(0).text());
        assertTrue(simulator.printed().get(0).events().contains("CODE128 0001-01-000001"));
        assertTrue(events.contains(new DeviceEvent.OutputComplete("lane-01-printer", "job-1")));
        assertTrue(simulator.printed().get(0).image().toFile().length() > 0, "and a picture of it");
    }

    @Test
    void outOfPaperTheJobWaitsTheDrawerStillOpensAndPrintingResumesWithPaper() throws Exception {
        simulator.paperOut(true);
        Await.until(() -> printer.state() == DeviceState.ERROR, "the printer reports paper out by itself");
        assertEquals("The receipt printer is out of paper: put in a new roll.", printer.problem());

        var job = printer.print("job-2", new ReceiptLayout(PROFILE).print(receipt("0001-01-000002")).bytes());
        printer.openDrawer();
        Await.until(() -> simulator.drawerKicks().size() == 1, "the drawer opens without paper");
        Thread.sleep(300);
        assertFalse(job.isDone(), "the receipt waits for paper");
        assertEquals(0, simulator.printed().size());

        simulator.paperOut(false);
        job.get(5, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
        assertEquals(DeviceState.IDLE, printer.state());
    }

    @Test
    void unpluggedItReconnectsWithBackoffAndPrintsWhatWaited() throws Exception {
        simulator.unplug();
        Await.until(() -> printer.state() == DeviceState.ERROR, "the printer notices it is gone");
        var job = printer.print("job-3", new ReceiptLayout(PROFILE).print(receipt("0001-01-000003")).bytes());
        int attemptsBefore = printer.connectAttempts();
        Thread.sleep(3_000);
        int attempts = printer.connectAttempts() - attemptsBefore;
        assertTrue(attempts <= 6, "backing off, not spinning: " + attempts + " attempts in 3 s");

        simulator.plugIn();
        job.get(15, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
    }

    @Test
    void aReceiptIsOneWrite() throws Exception {
        MemoryTransport memory = new MemoryTransport();
        ReceiptPrinter local = new ReceiptPrinter("memory-printer", memory, PROFILE);
        local.open();
        try {
            byte[] bytes = new ReceiptLayout(PROFILE).print(receipt("0001-01-000004")).bytes();
            local.print("job-4", bytes).get(5, TimeUnit.SECONDS);
            assertEquals(2, memory.writes().size(), "the initialisation, then the whole receipt in one write");
            assertArrayEquals(bytes, memory.writes().get(1));
        } finally {
            local.close();
        }
    }

    static Receipt receipt(String number) {
        return new Receipt(List.of("Store 0001"), "SALE", List.of("Receipt " + number),
                List.of(new Receipt.Line("Water 550ml", "2 x 2.50", "5.00", List.of())),
                List.of(new Receipt.Amount("TOTAL", "5.00", true)), List.of(Receipt.Amount.of("CASH", "5.00")),
                List.of(), new Receipt.Code(Receipt.Code.Kind.CODE128, number), List.of("Thank you"), false);
    }

}
