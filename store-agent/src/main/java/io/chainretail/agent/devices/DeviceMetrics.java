package io.chainretail.agent.devices;

import io.chainretail.agent.shelves.StoreShelves;
import io.chainretail.devices.device.Device;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.display.CustomerDisplay;
import io.chainretail.devices.printer.ReceiptPrinter;
import io.chainretail.devices.scale.WeighingScale;
import io.chainretail.devices.scanner.BarcodeScanner;
import io.chainretail.devices.shelf.WeighingShelf;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Each device in {@code /q/metrics}, so a store's monitoring sees a printer out of paper or a silent shelf
 * without asking the till: {@code agent_device_up} (1 working, 0 in error or not connected) and
 * {@code agent_device_connects_total} for every device; receipts waiting, printed and uncertain and drawer
 * pulses sent and dropped for printers; scans, misreads and noise bytes for scanners; frames shown for
 * customer displays; readings and noise bytes for scales; readings for shelves.
 */
@ApplicationScoped
public class DeviceMetrics {

    private final MeterRegistry registry;
    private final StoreDevices lanes;
    private final StoreShelves shelves;
    private final PrintSpooler spooler;

    public DeviceMetrics(MeterRegistry registry, StoreDevices lanes, StoreShelves shelves, PrintSpooler spooler) {
        this.registry = registry;
        this.lanes = lanes;
        this.shelves = shelves;
        this.spooler = spooler;
    }

    void onStart(@Observes @Priority(40) StartupEvent event) {
        lanes.printers().forEach((lane, printer) -> {
            Tags tags = deviceMeters(printer, lane, "printer");
            Gauge.builder("agent.printer.receipts.waiting", spooler, s -> s.waiting(lane)).tags(tags)
                    .description("receipts held for the printer or on their way to it").register(registry);
            counter("agent.printer.receipts.printed", printer, ReceiptPrinter::printed, tags);
            counter("agent.printer.receipts.uncertain", printer, ReceiptPrinter::uncertain, tags);
            counter("agent.printer.drawer.pulses", printer, ReceiptPrinter::drawerPulses, tags);
            counter("agent.printer.drawer.pulses.dropped", printer, ReceiptPrinter::drawerPulsesDropped, tags);
        });
        lanes.scanners().forEach((lane, scanner) -> {
            Tags tags = deviceMeters(scanner, lane, "scanner");
            counter("agent.scanner.scans", scanner, BarcodeScanner::scans, tags);
            counter("agent.scanner.misreads", scanner, BarcodeScanner::misreads, tags);
            counter("agent.scanner.noise.bytes", scanner, BarcodeScanner::noise, tags);
        });
        lanes.displays().forEach((lane, display) -> counter("agent.display.frames", display,
                CustomerDisplay::framesShown, deviceMeters(display, lane, "display")));
        lanes.scales().forEach((lane, scale) -> {
            Tags tags = deviceMeters(scale, lane, "scale");
            counter("agent.scale.readings", scale, WeighingScale::readings, tags);
            counter("agent.scale.noise.bytes", scale, WeighingScale::noise, tags);
        });
        shelves.shelves().forEach((code, shelf) -> {
            Tags tags = Tags.of("device", shelf.name(), "kind", "shelf", "lane", "");
            up(shelf, s -> s.connected() && s.problem().isEmpty(), tags);
            counter("agent.shelf.readings", shelf, WeighingShelf::readingsTaken, tags);
        });
    }

    private Tags deviceMeters(Device device, String lane, String kind) {
        Tags tags = Tags.of("device", device.name(), "kind", kind, "lane", lane);
        up(device, d -> d.state() == DeviceState.IDLE || d.state() == DeviceState.BUSY, tags);
        counter("agent.device.connects", device, Device::connectAttempts, tags);
        return tags;
    }

    private <T> void up(T device, Predicate<T> works, Tags tags) {
        Gauge.builder("agent.device.up", device, d -> works.test(d) ? 1 : 0).tags(tags)
                .description("1 while the device works, 0 in error or not connected").register(registry);
    }

    private <T> void counter(String name, T device, ToDoubleFunction<T> count, Tags tags) {
        FunctionCounter.builder(name, device, count).tags(tags).register(registry);
    }
}
