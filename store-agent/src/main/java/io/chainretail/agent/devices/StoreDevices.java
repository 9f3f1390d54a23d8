package io.chainretail.agent.devices;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.id.EventIds;
import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.printer.ReceiptPrinter;
import io.chainretail.devices.scanner.BarcodeScanner;
import io.chainretail.devices.scanner.HidPosReports;
import io.chainretail.devices.scanner.ScanFraming;
import io.chainretail.devices.scanner.ScanFrames;
import io.chainretail.devices.scanner.ScannedCode;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.transport.TcpTransport;
import io.chainretail.devices.transport.Transports;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The store's devices, per lane as configured under {@code agent.lanes}: opened at start-up, each on
 * its own thread, reconnecting by itself, closed at shutdown. A printer address {@code simulated}
 * starts a printer simulator inside the agent (the demo's printers), writing its receipts under
 * {@code <data-dir>/printed/<lane>}.
 */
@ApplicationScoped
public class StoreDevices {

    private static final Logger LOG = Logger.getLogger(StoreDevices.class);

    /**
     * A scan at a lane's scanner, for that lane's till: a code, or a misread to scan again. The id lets
     * the till act on each scan once, however its event stream delivers it (a reconnecting
     * EventSource can see an event twice).
     */
    public record Scanned(String id, String lane, String code, String symbology, String misread) {
    }

    private final AgentConfig config;
    private final Event<Scanned> scans;
    private final Map<String, ReceiptPrinter> printers = new TreeMap<>();
    private final Map<String, BarcodeScanner> scanners = new TreeMap<>();
    private final Map<String, String> addresses = new TreeMap<>();
    private final List<PrinterSimulator> simulators = new ArrayList<>();

    public StoreDevices(AgentConfig config, Event<Scanned> scans) {
        this.config = config;
        this.scans = scans;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws IOException {
        for (Map.Entry<String, AgentConfig.LaneDevices> lane : config.lanes().entrySet()) {
            String code = lane.getKey();
            AgentConfig.LaneDevices devices = lane.getValue();
            if (devices.printer().isPresent()) {
                PrinterProfile profile = PrinterProfile.named(devices.printerProfile()).orElseThrow(() ->
                        new IllegalArgumentException("agent.lanes." + code + ".printer-profile: no model "
                                + devices.printerProfile() + "; use generic-80mm, generic-58mm or epson-tm-t88"));
                String address = devices.printer().get();
                ReceiptPrinter.Timing timing = new ReceiptPrinter.Timing(config.drawerPulseValidFor(),
                        config.receiptConfirmWithin(), ReceiptPrinter.Timing.DEFAULT.automaticStatusWithin(),
                        ReceiptPrinter.Timing.DEFAULT.pollEvery());
                ReceiptPrinter printer;
                if ("simulated".equals(address)) {
                    PrinterSimulator simulator = PrinterSimulator.onTcp(0, profile, Path.of(config.dataDir(),
                            "printed", code));
                    simulators.add(simulator);
                    address = "simulated (tcp://127.0.0.1:" + simulator.port() + ")";
                    printer = new ReceiptPrinter("lane-" + code + "-printer", new TcpTransport("127.0.0.1",
                            simulator.port(), Duration.ofSeconds(2)), profile, timing, InstantSource.system());
                } else {
                    printer = new ReceiptPrinter("lane-" + code + "-printer", Transports.of(address), profile, timing,
                            InstantSource.system());
                }
                printer.addListener(e -> log(code, e));
                printer.open();
                printers.put(code, printer);
                addresses.put(code + "/printer", address);
            }
            if (devices.scanner().isPresent()) {
                String address = devices.scanner().get();
                // A scanner on usb: is a HID POS one (a serial or CDC-ACM scanner is a serial: port).
                ScanFrames framing = address.startsWith("usb:") ? new HidPosReports() : new ScanFraming(
                        devices.scannerPrefix().orElse(null), suffix(code, devices.scannerSuffix()),
                        devices.scannerFragmentTimeout(), InstantSource.system());
                BarcodeScanner scanner = new BarcodeScanner("lane-" + code + "-scanner", Transports.of(address),
                        framing);
                scanner.addListener(e -> onScanner(code, e));
                scanner.open();
                scanners.put(code, scanner);
                addresses.put(code + "/scanner", address);
            }
        }
        if (!printers.isEmpty() || !scanners.isEmpty()) {
            LOG.infof("Devices: %s", addresses);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        printers.values().forEach(Device::close);
        scanners.values().forEach(Device::close);
        simulators.forEach(PrinterSimulator::close);
    }

    public Optional<ReceiptPrinter> printer(String lane) {
        return Optional.ofNullable(printers.get(lane));
    }

    /** Every lane's scanner, by lane. */
    public Map<String, BarcodeScanner> scanners() {
        return scanners;
    }

    /** Every lane's printer, by lane. */
    public Map<String, ReceiptPrinter> printers() {
        return printers;
    }

    /** Every lane device, lane by lane; a printer's {@code waiting} is what its driver holds ({@link AllDevices}). */
    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>();
        printers.forEach((lane, printer) -> all.add(status(printer, lane, "printer", printer.status().warning(),
                printer.pending())));
        scanners.forEach((lane, scanner) -> all.add(status(scanner, lane, "scanner", "", 0)));
        return all;
    }

    private DeviceStatus status(Device device, String lane, String kind, String warning, int waiting) {
        return new DeviceStatus(device.name(), lane, kind, addresses.get(lane + "/" + kind), device.state().name(),
                device.problem(), warning, waiting);
    }

    private static ScanFraming.Suffix suffix(String lane, String setting) {
        try {
            return ScanFraming.Suffix.valueOf(setting.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent.lanes.\"" + lane + "\".scanner-suffix: " + setting
                    + " is none of ANY, CR, LF, CRLF");
        }
    }

    private void onScanner(String lane, DeviceEvent event) {
        if (event instanceof DeviceEvent.Data data && data.data() instanceof ScannedCode scan) {
            if (scan.ok()) {
                String symbology = scan.symbology() == null ? null : scan.symbology().name();
                scans.fire(new Scanned(EventIds.next().toString(), lane, scan.code(), symbology, null));
            } else {
                LOG.warnf("Lane %s: %s", lane, scan.misread());
                scans.fire(new Scanned(EventIds.next().toString(), lane, null, null,
                        "Misread: scan it again. (" + scan.misread() + ")"));
            }
        }
        log(lane, event);
    }

    private static void log(String lane, DeviceEvent event) {
        if (event instanceof DeviceEvent.Error error) {
            LOG.warnf("Lane %s: %s", lane, error.message());
        } else if (event instanceof DeviceEvent.StateChanged changed) {
            LOG.infof("Lane %s: %s %s -> %s", lane, changed.device(), changed.from(), changed.to());
        }
    }
}
