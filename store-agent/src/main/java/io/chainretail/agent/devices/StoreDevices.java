package io.chainretail.agent.devices;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.id.EventIds;
import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.display.CustomerDisplay;
import io.chainretail.devices.display.DisplayCommands;
import io.chainretail.devices.display.DisplayFrame;
import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.printer.ReceiptPrinter;
import io.chainretail.devices.scale.ScaleProtocol;
import io.chainretail.devices.scale.WeighingScale;
import io.chainretail.devices.scanner.BarcodeScanner;
import io.chainretail.devices.scanner.HidPosReports;
import io.chainretail.devices.scanner.ScanFraming;
import io.chainretail.devices.scanner.ScanFrames;
import io.chainretail.devices.scanner.ScannedCode;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.transport.TcpTransport;
import io.chainretail.devices.transport.Transport;
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
 * The store's devices, per lane as configured under {@code agent.lanes}: receipt printer, scanner, customer
 * display and scale, each opened at start-up on its own thread, reconnecting by itself, closed at shutdown.
 * A printer address {@code simulated} starts a printer simulator inside the agent (the demo's printers),
 * writing its receipts under {@code <data-dir>/printed/<lane>}.
 */
@ApplicationScoped
public class StoreDevices {

    private static final Logger LOG = Logger.getLogger(StoreDevices.class);
    /** Pole displays are two lines of twenty characters. */
    private static final int DISPLAY_COLUMNS = 20;

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
    private final Map<String, CustomerDisplay> displays = new TreeMap<>();
    private final Map<String, WeighingScale> scales = new TreeMap<>();
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
                openPrinter(code, devices);
            }
            if (devices.scanner().isPresent()) {
                openScanner(code, devices);
            }
            if (devices.display().isPresent()) {
                openDisplay(code, devices);
            }
            if (devices.scale().isPresent()) {
                openScale(code, devices);
            }
        }
        if (!addresses.isEmpty()) {
            LOG.infof("Devices: %s", addresses);
        }
    }

    private void openPrinter(String code, AgentConfig.LaneDevices devices) throws IOException {
        PrinterProfile profile = PrinterProfile.named(devices.printerProfile()).orElseThrow(() ->
                new IllegalArgumentException("agent.lanes." + code + ".printer-profile: no model "
                        + devices.printerProfile() + "; use generic-80mm, generic-58mm or epson-tm-t88"));
        String address = devices.printer().get();
        ReceiptPrinter.Timing timing = new ReceiptPrinter.Timing(config.drawerPulseValidFor(),
                config.receiptConfirmWithin(), ReceiptPrinter.Timing.DEFAULT.automaticStatusWithin(),
                ReceiptPrinter.Timing.DEFAULT.pollEvery());
        Transport transport;
        if ("simulated".equals(address)) {
            PrinterSimulator simulator = PrinterSimulator.onTcp(0, profile, Path.of(config.dataDir(), "printed", code));
            simulators.add(simulator);
            address = "simulated (tcp://127.0.0.1:" + simulator.port() + ")";
            transport = new TcpTransport("127.0.0.1", simulator.port(), Duration.ofSeconds(2));
        } else {
            transport = Transports.of(address);
        }
        ReceiptPrinter printer = new ReceiptPrinter("lane-" + code + "-printer", transport, profile, timing,
                InstantSource.system());
        printer.addListener(e -> log(code, e));
        open(code, "printer", address, printer, printers);
    }

    private void openScanner(String code, AgentConfig.LaneDevices devices) {
        String address = devices.scanner().get();
        // A scanner on usb: is a HID POS one (a serial or CDC-ACM scanner is a serial: port).
        ScanFrames framing = address.startsWith("usb:") ? new HidPosReports() : new ScanFraming(
                devices.scannerPrefix().orElse(null), suffix(code, devices.scannerSuffix()),
                devices.scannerFragmentTimeout(), InstantSource.system());
        BarcodeScanner scanner = new BarcodeScanner("lane-" + code + "-scanner", Transports.of(address), framing);
        scanner.addListener(e -> onScanner(code, e));
        open(code, "scanner", address, scanner, scanners);
    }

    private void openDisplay(String code, AgentConfig.LaneDevices devices) {
        CodePage characters = switch (devices.displayCharset().toLowerCase(Locale.ROOT)) {
            case "ascii" -> CodePage.CP437;
            case "gb18030" -> CodePage.GB18030;
            default -> throw new IllegalArgumentException("agent.lanes.\"" + code + "\".display-charset: "
                    + devices.displayCharset() + " is neither ascii nor gb18030");
        };
        String address = devices.display().get();
        CustomerDisplay display = new CustomerDisplay("lane-" + code + "-display", Transports.of(address),
                new DisplayCommands(characters, DISPLAY_COLUMNS), new DisplayFrame(config.displayGreeting(), ""));
        display.addListener(e -> log(code, e));
        open(code, "display", address, display, displays);
    }

    private void openScale(String code, AgentConfig.LaneDevices devices) {
        ScaleProtocol protocol;
        try {
            protocol = ScaleProtocol.named(devices.scaleProtocol());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent.lanes.\"" + code + "\".scale-protocol: " + e.getMessage());
        }
        String address = devices.scale().get();
        WeighingScale scale = new WeighingScale("lane-" + code + "-scale", Transports.of(address), protocol);
        scale.addListener(e -> log(code, e));
        open(code, "scale", address, scale, scales);
    }

    private <D extends Device> void open(String lane, String kind, String address, D device, Map<String, D> byLane) {
        device.open();
        byLane.put(lane, device);
        addresses.put(lane + "/" + kind, address);
    }

    void onStop(@Observes ShutdownEvent event) {
        printers.values().forEach(Device::close);
        scanners.values().forEach(Device::close);
        displays.values().forEach(Device::close);
        scales.values().forEach(Device::close);
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

    /** Every lane's customer display, by lane. */
    public Map<String, CustomerDisplay> displays() {
        return displays;
    }

    /** Every lane's weighing scale, by lane. */
    public Map<String, WeighingScale> scales() {
        return scales;
    }

    /** Every lane device, lane by lane; a printer's {@code waiting} is what its driver holds ({@link AllDevices}). */
    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>();
        printers.forEach((lane, printer) -> all.add(status(printer, lane, "printer", printer.status().warning(),
                printer.pending())));
        scanners.forEach((lane, scanner) -> all.add(status(scanner, lane, "scanner", "", 0)));
        displays.forEach((lane, display) -> all.add(status(display, lane, "display", "", 0)));
        scales.forEach((lane, scale) -> all.add(status(scale, lane, "scale", "", 0)));
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
