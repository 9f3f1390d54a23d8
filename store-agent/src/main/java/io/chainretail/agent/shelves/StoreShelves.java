package io.chainretail.agent.shelves;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.devices.DeviceStatus;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.shelf.ShelfSensor;
import io.chainretail.devices.shelf.ShelfSensors;
import io.chainretail.devices.shelf.Slot;
import io.chainretail.devices.shelf.WeighingShelf;
import io.chainretail.devices.sim.ShelfSimulator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The store's smart shelves, as configured under {@code agent.shelves}: each read on its own thread
 * (reconnecting by itself), and all checked for alerts every {@code agent.shelf-alerts.check}. A shelf
 * whose sensor is {@code simulated} is a Modbus TCP shelf simulator inside the agent, stocked with
 * ten of each slot's product, for the demo.
 */
@ApplicationScoped
public class StoreShelves {

    private static final Logger LOG = Logger.getLogger(StoreShelves.class);
    private static final int DEMO_UNITS = 10;

    private final AgentConfig config;
    private final ShelfAlerts alerts;
    private final Map<String, WeighingShelf> shelves = new TreeMap<>();
    private final Map<String, ShelfSimulator> simulators = new TreeMap<>();
    private PeriodicTask checker;

    public StoreShelves(AgentConfig config, ShelfAlerts alerts) {
        this.config = config;
        this.alerts = alerts;
    }

    void onStart(@Observes @Priority(25) StartupEvent event) throws IOException {
        for (Map.Entry<String, AgentConfig.Shelf> entry : config.shelves().entrySet()) {
            String code = entry.getKey();
            AgentConfig.Shelf shelf = entry.getValue();
            List<Slot> slots = shelf.slots().stream().map(Slot::parse).toList();
            WeighingShelf weighing = new WeighingShelf(code, sensor(code, shelf, slots), slots, shelf.interval());
            weighing.addListener(e -> {
                if (e instanceof DeviceEvent.Error error) {
                    LOG.warnf("Shelf %s: %s", code, error.message());
                }
            });
            weighing.open();
            shelves.put(code, weighing);
        }
        if (!shelves.isEmpty()) {
            LOG.infof("Shelves: %s", shelves.values().stream().map(s -> s.name() + "=" + s.address()).toList());
            checker = PeriodicTask.start("shelf-alerts", config.shelfAlerts().check(), this::checkAll);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (checker != null) {
            checker.close();
        }
        shelves.values().forEach(WeighingShelf::close);
        simulators.values().forEach(ShelfSimulator::close);
    }

    /** Every shelf, by code. */
    public Map<String, WeighingShelf> shelves() {
        return shelves;
    }

    /** The simulator behind a {@code simulated} shelf. */
    public Optional<ShelfSimulator> simulator(String shelf) {
        return Optional.ofNullable(simulators.get(shelf));
    }

    /** Every shelf as a device for the store manager and the health check. */
    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>();
        shelves.forEach((code, shelf) -> {
            String state = shelf.problem().isEmpty() ? (shelf.connected() ? "IDLE" : "CLOSED") : "ERROR";
            all.add(new DeviceStatus("shelf-" + code, null, "shelf", shelf.address(), state, shelf.problem(), "", 0));
        });
        return all;
    }

    /** Checks every shelf for alerts now (also done every {@code agent.shelf-alerts.check}). */
    public void checkAll() {
        Instant now = Instant.now();
        shelves.values().forEach(shelf -> alerts.check(shelf.readings(), now));
    }

    private ShelfSensor sensor(String code, AgentConfig.Shelf shelf, List<Slot> slots) throws IOException {
        if (!"simulated".equals(shelf.sensor())) {
            return ShelfSensors.of(shelf.sensor(), shelf.unit(), config.shelfBroker().orElse(null),
                    "store-" + config.store() + "-shelf-" + code);
        }
        ShelfSimulator simulator = ShelfSimulator.onTcp(0, shelf.unit(), slots.size());
        for (int i = 0; i < slots.size(); i++) {
            simulator.weigh(i, slots.get(i).tareGrams() + DEMO_UNITS * slots.get(i).unitGrams());
        }
        simulators.put(code, simulator);
        return ShelfSensors.of("modbus-tcp://127.0.0.1:" + simulator.port(), shelf.unit(), null, null);
    }
}
