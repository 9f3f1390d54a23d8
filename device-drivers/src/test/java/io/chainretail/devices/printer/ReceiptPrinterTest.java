package io.chainretail.devices.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The printer driver against the printer simulator on a loopback TCP port, as with a network printer. */
public class ReceiptPrinterTest {

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
        long held = printer.outputsHeld();
        Await.until(() -> printer.outputsHeld() >= held + 2, "the printer holds the receipt back, twice over");
        assertFalse(job.isDone(), "the receipt waits for paper");
        assertEquals(0, simulator.printed().size());

        simulator.paperOut(false);
        job.get(5, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
        Await.until(() -> printer.state() == DeviceState.IDLE, "the printer is idle again");
    }

    @Test
    void unpluggedItReconnectsWithBackoffAndPrintsWhatWaited() throws Exception {
        simulator.unplug();
        Await.until(() -> printer.state() == DeviceState.ERROR, "the printer notices it is gone");
        var job = printer.print("job-3", new ReceiptLayout(PROFILE).print(receipt("0001-01-000003")).bytes());
        assertBacksOff(printer);

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
            byte[] job = memory.writes().get(1);
            assertArrayEquals(bytes, Arrays.copyOf(job, bytes.length));
            assertArrayEquals(new byte[] {0x10, 0x04, 4}, Arrays.copyOfRange(job, bytes.length, job.length),
                    "and the paper status request that confirms it");
            assertFalse(local.answers(), "a printer that never answers cannot confirm: its receipts count as printed");
        } finally {
            local.close();
        }
    }

    @Test
    void theDrawerPulseLeavesAPrinterErrorAsItIs() throws Exception {
        simulator.paperOut(true);
        Await.until(() -> printer.state() == DeviceState.ERROR, "the printer reports paper out");
        printer.openDrawer();
        Await.until(() -> simulator.drawerKicks().size() == 1 && printer.drawerPulses() == 1, "the drawer opens");
        assertEquals(DeviceState.ERROR, printer.state(), "still out of paper, whatever was sent");
        assertEquals("The receipt printer is out of paper: put in a new roll.", printer.problem());
    }

    @Test
    void aDrawerPulseThatCouldNotBeSentInTimeIsDroppedAndReported() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
        int port = simulator.port();
        printer.close();
        simulator.close(); // nothing listens on the printer's port: it is out of reach
        ReceiptPrinter late = new ReceiptPrinter("lane-02-printer", new TcpTransport("127.0.0.1", port,
                Duration.ofSeconds(1)), PROFILE, new ReceiptPrinter.Timing(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(1)), now::get);
        List<DeviceEvent> seen = new CopyOnWriteArrayList<>();
        late.addListener(seen::add);
        late.open();
        try {
            Await.until(() -> late.state() == DeviceState.ERROR && late.connectAttempts() > 0,
                    "the printer cannot be reached");
            late.openDrawer();
            now.set(now.get().plusSeconds(35));
            simulator = PrinterSimulator.onTcp(port, PROFILE, Path.of("target/printed"));
            Await.until(() -> late.drawerPulsesDropped() == 1, "the stale pulse is dropped");
            assertTrue(seen.stream().anyMatch(e -> e instanceof DeviceEvent.Error error
                    && error.message().startsWith("Drawer pulse dropped")), seen.toString());
            late.openDrawer();
            Await.until(() -> late.drawerPulses() == 1, "a pulse asked for now is sent");
            Await.until(() -> simulator.drawerKicks().size() == 1, "and opens the drawer");
            assertEquals(1, simulator.drawerKicks().size(), "once: the stale one never reached it");
        } finally {
            late.close();
        }
    }

    @Test
    void aPrinterDroppingTheConnectionMidReceiptLeavesItUncertainNotResent() throws Exception {
        Await.until(printer::answers, "the printer answers its status requests");
        byte[] first = new ReceiptLayout(PROFILE).print(receipt("0001-01-000005")).bytes();
        assertTrue(first.length > 400, "a receipt longer than what the printer reads: " + first.length);
        simulator.dropConnectionAfter(200);
        ExecutionException lost = assertThrows(ExecutionException.class,
                () -> printer.print("job-5", first).get(10, TimeUnit.SECONDS));
        assertInstanceOf(UncertainPrint.class, lost.getCause());
        assertEquals(1, printer.uncertain());

        Await.until(() -> printer.state() == DeviceState.IDLE, "the printer is back");
        printer.print("job-6", new ReceiptLayout(PROFILE).print(receipt("0001-01-000006")).bytes())
                .get(10, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
        assertEquals(1, simulator.printed().size(), "the uncertain receipt was not sent again");
        assertTrue(simulator.printed().get(0).text().contains("0001-01-000006"));
        assertEquals(1, printer.printed());
    }

    @Test
    void aPrinterWithoutAutomaticStatusIsAskedAndNothingIsSentIntoPaperOut() throws Exception {
        printer.close();
        simulator.close();
        simulator = PrinterSimulator.onTcp(0, PROFILE, Path.of("target/printed"));
        simulator.withoutAutomaticStatus();
        printer = new ReceiptPrinter("lane-01-printer", new TcpTransport("127.0.0.1", simulator.port(),
                Duration.ofSeconds(1)), PROFILE, new ReceiptPrinter.Timing(Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMillis(100)), InstantSource.system());
        printer.open();
        Await.until(() -> printer.state() == DeviceState.IDLE, "the printer connects");

        simulator.paperNearEnd(true);
        Await.until(() -> !printer.status().warning().isEmpty(), "paper near its end is seen by asking");
        assertEquals(DeviceState.IDLE, printer.state(), "and it still prints");
        simulator.paperOut(true);
        Await.until(() -> printer.state() == DeviceState.ERROR, "paper out is seen by asking");
        var job = printer.print("job-7", new ReceiptLayout(PROFILE).print(receipt("0001-01-000007")).bytes());
        simulator.paperOut(false);
        job.get(10, TimeUnit.SECONDS);
        assertTrue(simulator.awaitPrinted(1, Duration.ofSeconds(5)));
    }

    public static Receipt receipt(String number) {
        return new Receipt(List.of("Store 0001"), "SALE", List.of("Receipt " + number),
                List.of(new Receipt.Line("Water 550ml", "2 x 2.50", "5.00", List.of())),
                List.of(new Receipt.Amount("TOTAL", "5.00", true)), List.of(Receipt.Amount.of("CASH", "5.00")),
                List.of(), new Receipt.Code(Receipt.Code.Kind.CODE128, number), List.of("Thank you"), false);
    }


    /**
     * Three more connect attempts take at least the backoff's first three delays (250, 500 and 1,000 ms, less
     * a margin for the clock): a driver that spins makes them within milliseconds. A slow machine only makes
     * them slower, so this cannot pass by chance.
     */
    static void assertBacksOff(ReceiptPrinter printer) throws InterruptedException {
        int before = printer.connectAttempts();
        long start = System.nanoTime();
        Await.until(() -> printer.connectAttempts() >= before + 3, "three more connect attempts");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1_400, "backing off, not spinning: three attempts in " + millis + " ms");
    }
}
