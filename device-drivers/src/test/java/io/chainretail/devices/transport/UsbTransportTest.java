package io.chainretail.devices.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.printer.ReceiptPrinter;
import io.chainretail.devices.receipt.Receipt;
import io.chainretail.devices.receipt.ReceiptLayout;
import io.chainretail.devices.scanner.BarcodeScanner;
import io.chainretail.devices.scanner.HidPosReports;
import io.chainretail.devices.scanner.ScannedCode;
import io.chainretail.devices.scanner.Symbology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.usb.UsbConst;
import javax.usb.UsbHub;
import javax.usb.UsbInterfacePolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The USB transport against a javax.usb device tree of mocks (no USB hardware on a build machine):
 * found by ids and serial behind a hub, claimed by force (the kernel driver detached) and given back on
 * close, bulk out and in, unplugged and plugged back; a receipt printer and a HID POS scanner on top.
 */
class UsbTransportTest {

    private static final int EPSON = 0x04b8;
    private static final int TM_T88 = 0x0e15;

    private FakeUsb usb;
    private UsbHub hub;

    @BeforeEach
    void tree() throws Exception {
        usb = new FakeUsb();
        hub = usb.addHub();
        usb.plug(hub, 0x046d, 0xc31c, "KB1", UsbConst.ENDPOINT_TYPE_INTERRUPT); // a keyboard
    }

    @Test
    void findsTheDeviceBySerialClaimsItByForceAndGivesItBackOnClose() throws Exception {
        FakeUsb.Device first = usb.plug(hub, EPSON, TM_T88, "X5YG000001", UsbConst.ENDPOINT_TYPE_BULK);
        FakeUsb.Device second = usb.plug(hub, EPSON, TM_T88, "X5YG000002", UsbConst.ENDPOINT_TYPE_BULK);
        UsbTransport transport = new UsbTransport(UsbAddress.parse("usb:04b8:0e15?serial=X5YG000002"),
                () -> usb.services);

        transport.open();
        assertTrue(second.claimed() && !first.claimed(), "the printer with that serial, not its twin");
        var policy = org.mockito.ArgumentCaptor.forClass(UsbInterfacePolicy.class);
        verify(second.usbInterface).claim(policy.capture());
        assertTrue(policy.getValue().forceClaim(second.usbInterface), "claimed by force");
        assertEquals(List.of("attached", "detached"), second.kernelDriver, "usblp detached while we print");

        byte[] receipt = "receipt bytes\n".getBytes(StandardCharsets.US_ASCII);
        transport.write(receipt);
        assertEquals(1, second.received.size(), "one bulk transfer per write");
        assertArrayEquals(receipt, second.received.get(0));

        transport.close();
        assertFalse(second.claimed());
        assertEquals(List.of("attached", "detached", "attached"), second.kernelDriver, "and attached again");
    }

    @Test
    void readsTheInEndpointWithoutLosingATransferThatArrivesLate() throws Exception {
        FakeUsb.Device printer = usb.plug(hub, EPSON, TM_T88, null, UsbConst.ENDPOINT_TYPE_BULK);
        UsbTransport transport = new UsbTransport(UsbAddress.parse("usb:04b8:0e15"), () -> usb.services);
        transport.open();
        byte[] buffer = new byte[64];
        assertEquals(0, transport.read(buffer, 50), "nothing yet: the transfer stays submitted");
        printer.send(new byte[] {0x12});
        assertEquals(1, transport.read(buffer, 500));
        assertEquals(0x12, buffer[0]);
        transport.close();
    }

    @Test
    void anUnpluggedDeviceFailsItsNextTransferAndIsFoundAgainWhenPluggedBackIn() throws Exception {
        FakeUsb.Device printer = usb.plug(hub, EPSON, TM_T88, null, UsbConst.ENDPOINT_TYPE_BULK);
        UsbTransport transport = new UsbTransport(UsbAddress.parse("usb:04b8:0e15"), () -> usb.services);
        transport.open();
        printer.unplug();
        assertThrows(IOException.class, () -> transport.write(new byte[] {1}));
        assertFalse(transport.isOpen());
        IOException missing = assertThrows(IOException.class, transport::open);
        assertTrue(missing.getMessage().contains("no USB device usb:04b8:0e15 attached"), missing.getMessage());
        printer.plugIn();
        transport.open();
        transport.write(new byte[] {2});
        assertEquals(1, printer.received.size());
    }

    @Test
    void theHostsRealUsbLibraryLoadsAndReportsAMissingDeviceInWords() {
        // usb4java's native libusb, found through javax.usb.properties; no device ffff:fffe exists anywhere.
        UsbTransport transport = new UsbTransport(UsbAddress.parse("usb:ffff:fffe"));
        IOException missing = assertThrows(IOException.class, transport::open);
        assertTrue(missing.getMessage().contains("no USB device usb:ffff:fffe attached"), missing.getMessage());
        assertFalse(transport.isOpen());
    }

    @Test
    void refusesAnAddressItCannotRead() {
        for (String bad : List.of("usb:4b8:e15", "usb:04b8", "usb:zzzz:0e15", "usb:04b8:0e15?interface=x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UsbAddress.parse(bad));
            assertTrue(e.getMessage().contains("usb:vvvv:pppp"), e.getMessage());
        }
        assertEquals(new UsbAddress(0x0c2e, 0x0b61, "S1", 1), UsbAddress.parse("usb:0C2E:0b61?serial=S1&interface=1"));
    }

    @Test
    void aReceiptPrinterOnUsbPrintsEachReceiptInOneTransfer() throws Exception {
        FakeUsb.Device device = usb.plug(hub, EPSON, TM_T88, null, UsbConst.ENDPOINT_TYPE_BULK);
        assertTrue(Transports.of("usb:04b8:0e15") instanceof UsbTransport, "configured as usb:vvvv:pppp");
        ReceiptPrinter started = new ReceiptPrinter("lane-03-printer", new UsbTransport(
                UsbAddress.parse("usb:04b8:0e15"), () -> usb.services), PrinterProfile.EPSON_TM_T88);
        started.open();
        try {
            Await.until(() -> started.state() == DeviceState.IDLE, "the USB printer is claimed and initialised");
            int before = device.received.size();
            byte[] bytes = new ReceiptLayout(PrinterProfile.EPSON_TM_T88).print(new Receipt(List.of("Store 0001"),
                    "SALE", List.of("Receipt 0001-03-000007"), List.of(new Receipt.Line("Water", "1 x 2.50", "2.50",
                    List.of())), List.of(new Receipt.Amount("TOTAL", "2.50", true)),
                    List.of(Receipt.Amount.of("CASH", "2.50")), List.of(), null, List.of("Thank you"), false)).bytes();
            started.print("job-7", bytes).get(5, TimeUnit.SECONDS);
            assertEquals(before + 1, device.received.size(), "the whole receipt in one bulk transfer");
            byte[] sent = device.received.get(device.received.size() - 1);
            assertArrayEquals(bytes, Arrays.copyOf(sent, bytes.length), "the receipt, then the status request");
            assertEquals(bytes.length + 3, sent.length);
        } finally {
            started.close();
        }
    }

    @Test
    void aHidPosScannerOnUsbScansAndComesBackAfterAnUnplugWithoutABusyLoop() throws Exception {
        FakeUsb.Device device = usb.plug(hub, 0x0c2e, 0x0b61, "HS1", UsbConst.ENDPOINT_TYPE_INTERRUPT);
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        BarcodeScanner scanner = new BarcodeScanner("lane-03-scanner", new UsbTransport(
                UsbAddress.parse("usb:0c2e:0b61"), () -> usb.services), new HidPosReports());
        scanner.addListener(events::add);
        scanner.open();
        try {
            Await.until(() -> scanner.state() == DeviceState.IDLE, "the scanner is claimed");
            device.send(HidPosReports.reportsFor("]E0", "5901234123457"));
            Await.until(() -> codes(events).contains("5901234123457"), "the EAN-13 arrives");
            assertEquals(Symbology.EAN13, scans(events).get(0).symbology());
            device.send(HidPosReports.reportsFor("]E0", "5901234123458"));
            Await.until(() -> scans(events).stream().anyMatch(scan -> !scan.ok()), "a bad check digit is a misread");

            device.unplug();
            Await.until(() -> scanner.state() == DeviceState.ERROR, "the unplug is noticed");
            // Each attempt to reopen looks the device up once: three more lookups take at least the backoff's
            // second and third delays (500 and 1,000 ms); a spinning driver makes them within milliseconds.
            clearInvocations(usb.services);
            long start = System.nanoTime();
            Await.until(() -> lookups(usb) >= 3, "three more attempts to find the device");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 1_400, "backing off, not spinning: three lookups in " + millis + " ms");
            device.plugIn();
            Await.until(() -> scanner.state() == DeviceState.IDLE, "claimed again after replug");
            byte[] reports = HidPosReports.reportsFor("]Q1", "https://example.com/p/" + "x".repeat(50));
            device.send(java.util.Arrays.copyOfRange(reports, 0, 64));
            device.send(java.util.Arrays.copyOfRange(reports, 64, 128));
            Await.until(() -> codes(events).contains("https://example.com/p/" + "x".repeat(50)),
                    "a QR code across two reports");
        } finally {
            scanner.close();
        }
    }

    private static List<ScannedCode> scans(List<DeviceEvent> events) {
        return events.stream().filter(e -> e instanceof DeviceEvent.Data data && data.data() instanceof ScannedCode)
                .map(e -> (ScannedCode) ((DeviceEvent.Data) e).data()).toList();
    }

    private static List<String> codes(List<DeviceEvent> events) {
        return scans(events).stream().map(ScannedCode::code).toList();
    }

    private static long lookups(FakeUsb usb) {
        return mockingDetails(usb.services).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("getRootUsbHub")).count();
    }
}
