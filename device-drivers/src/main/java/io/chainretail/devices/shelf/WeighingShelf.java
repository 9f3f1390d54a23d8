package io.chainretail.devices.shelf;

import io.chainretail.devices.device.Backoff;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.device.OwnerThread;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A weighing shelf as a device: its own thread polls the sensor every {@code interval}, estimates each
 * slot's units ({@link SlotEstimator}), and reports a {@link ShelfReading} as data when a count changes,
 * with {@code low} set at or below the slot's low-stock level. A shelf that stops answering is an error
 * event and is reopened with backoff.
 */
public final class WeighingShelf implements AutoCloseable {

    private final String name;
    private final ShelfSensor sensor;
    private final List<SlotEstimator> slots = new ArrayList<>();
    private final int[] reported;
    private final Duration interval;
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The sensor is open (owning thread only); {@link #connected} also needs a reading since. */
    private boolean open;
    private volatile boolean connected;
    private final AtomicLong readingsTaken = new AtomicLong();
    private volatile String problem = "";
    private final OwnerThread owner;

    public WeighingShelf(String name, ShelfSensor sensor, List<Slot> slots, Duration interval) {
        this.name = name;
        this.sensor = sensor;
        slots.forEach(slot -> this.slots.add(new SlotEstimator(slot)));
        this.reported = new int[slots.size()];
        java.util.Arrays.fill(reported, -1);
        this.interval = interval;
        this.owner = new OwnerThread("device-" + name);
    }

    public void addListener(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
    }

    /** Whether the shelf has sent a reading since its sensor was (re)opened: a silent shelf is not connected. */
    public boolean connected() {
        return connected;
    }

    /** Readings of all slots taken since the shelf was made. */
    public long readingsTaken() {
        return readingsTaken.get();
    }

    /** Why the shelf cannot be read, or empty while it can. */
    public String problem() {
        return problem;
    }

    public String name() {
        return name;
    }

    /** The sensor's address, e.g. {@code modbus-tcp://10.0.0.50:502#1}. */
    public String address() {
        return sensor.toString();
    }

    /** The current estimate of every slot read so far, slot 0 first. */
    public List<ShelfReading> readings() {
        List<ShelfReading> all = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).counted()) {
                all.add(reading(i));
            }
        }
        return all;
    }

    /** One slot's current estimate, empty until it has been read. */
    public java.util.Optional<ShelfReading> slot(int index) {
        return slots.get(index).counted() ? java.util.Optional.of(reading(index)) : java.util.Optional.empty();
    }

    public void open() {
        owner.start(this::run);
    }

    @Override
    public void close() {
        owner.stop();
        sensor.close();
    }

    private void run() {
        while (owner.running()) {
            try {
                if (!open) {
                    sensor.open();
                    open = true;
                    backoff.reset();
                }
                int[] grams = sensor.readGrams(slots.size());
                if (grams != null) {
                    // Only a reading clears a problem: a reopened sensor that still says nothing stays in error.
                    connected = true;
                    problem = "";
                    readingsTaken.incrementAndGet();
                }
                for (int i = 0; grams != null && i < slots.size(); i++) {
                    int units = slots.get(i).accept(grams[i]);
                    if (units != reported[i]) {
                        reported[i] = units;
                        emit(new DeviceEvent.Data(name, reading(i)));
                    }
                }
                sleep(interval.toMillis());
            } catch (IOException e) {
                open = false;
                connected = false;
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
                sensor.close();
                emit(new DeviceEvent.Error(name, e.getMessage()));
                sleep(backoff.nextDelayMillis());
            }
        }
    }

    private ShelfReading reading(int index) {
        SlotEstimator estimator = slots.get(index);
        int units = estimator.count();
        return new ShelfReading(name, index, estimator.slot().sku(), units, units <= estimator.slot().lowStock());
    }

    private void emit(DeviceEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts: the loop ends
        }
    }
}
