package io.chainretail.devices.shelf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.ShelfSimulator;
import io.chainretail.devices.sim.SocatPair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A Modbus RTU weighing shelf (j2mod's slave side) on a socat pty pair, read through the adapter:
 * units per slot, a low-stock reading, and the cable pulled and put back.
 */
class ModbusShelfIT {

    @Test
    void readsUnitsPerSlotOverModbusRtu() throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "shelf")) {
            List<DeviceEvent> events = new CopyOnWriteArrayList<>();
            ShelfSimulator simulator = ShelfSimulator.onSerial(cable.deviceEnd(), 9_600, 7, 2);
            simulator.weigh(0, 120 + 6 * 350);
            simulator.weigh(1, 80 + 10 * 500);
            WeighingShelf shelf = new WeighingShelf("aisle-3-shelf-1", ModbusShelfSensor.serial(cable.driverEnd(),
                    9_600, 7), List.of(new Slot("COLA-330", 120, 350, 2), new Slot("RICE-500", 80, 500, 3)),
                    Duration.ofMillis(100));
            shelf.addListener(events::add);
            shelf.open();
            try {
                Await.until(() -> units(shelf, 0) == 6 && units(shelf, 1) == 10,
                        "the shelf reports 6 cans and 10 bags");
                simulator.weigh(0, 120 + 2 * 350 + 15);
                Await.until(() -> units(shelf, 0) == 2, "four cans taken");
                assertTrue(shelf.slot(0).orElseThrow().low(), "2 cans is at the low-stock level");
                // The count changes first, then the reading is reported: wait for the report too.
                Await.until(() -> events.stream().anyMatch(e -> e instanceof DeviceEvent.Data data
                        && data.data() instanceof ShelfReading reading && reading.low() && reading.units() == 2),
                        "the low stock is reported");

                simulator.close();
                cable.kill();
                Await.until(() -> !shelf.connected(), "the shelf notices the line is gone");
                cable.start();
                simulator = ShelfSimulator.onSerial(cable.deviceEnd(), 9_600, 7, 2);
                simulator.weigh(0, 120 + 3 * 350);
                simulator.weigh(1, 80 + 10 * 500);
                // Reconnecting backs off up to 10 s while the cable is out; allow for one full wait.
                Await.until(() -> shelf.connected() && units(shelf, 0) == 3, () -> "read again after replug (connected "
                        + shelf.connected() + ", units " + units(shelf, 0) + ", problem: " + shelf.problem() + "; "
                        + probe(cable) + ")", Duration.ofSeconds(30));
                assertEquals(10, units(shelf, 1));
            } finally {
                shelf.close();
                simulator.close();
            }
        }
    }


    /**
     * What a fresh master makes of the line when the shelf's own cannot read it: this replug flakes in CI
     * about once in ten runs and never locally (120 replugs under load), so the failure says which side is silent.
     */
    private static String probe(PtyPair cable) {
        StringBuilder seen = new StringBuilder();
        for (String end : List.of(cable.deviceEnd(), cable.driverEnd())) {
            try {
                seen.append(end).append(" -> ").append(Path.of(end).toRealPath()).append(", ");
            } catch (IOException e) {
                seen.append(end).append(" unresolvable, ");
            }
        }
        for (int timeoutMillis : new int[] {500, 3_000}) {
            ModbusShelfSensor fresh = ModbusShelfSensor.serial(cable.driverEnd(), 9_600, 7, timeoutMillis);
            try {
                fresh.open();
                seen.append("a fresh master (").append(timeoutMillis).append(" ms) read ")
                        .append(Arrays.toString(fresh.readGrams(2))).append(", ");
            } catch (IOException e) {
                seen.append("a fresh master (").append(timeoutMillis).append(" ms) failed: ").append(e.getMessage())
                        .append(", ");
            } finally {
                fresh.close();
            }
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("device-") || thread.getName().toLowerCase().contains("modbus")) {
                seen.append("thread ").append(thread.getName()).append(" ").append(thread.getState()).append(" at ")
                        .append(Arrays.toString(Arrays.copyOf(stack, Math.min(6, stack.length))))
                        .append("; ");
            }
        });
        return seen.toString();
    }

    static int units(WeighingShelf shelf, int slot) {
        return shelf.slot(slot).map(ShelfReading::units).orElse(-1);
    }
}
