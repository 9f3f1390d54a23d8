package io.chainretail.agent.shelves;

import io.chainretail.devices.sim.ShelfSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A weighing shelf behind a Modbus TCP gateway (the simulator on a loopback port) as shelf T1: one slot
 * of {@link ShelfAlertsTest#SKU}, 100 g tare, 250 g a unit, low at 3; checked often, discrepancies after 3 s.
 * And lane 12 with a USB printer that is not plugged in (no device has id ffff:fffe).
 */
public class ShelfSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static ShelfSimulator shelf;

    @Override
    public Map<String, String> start() {
        try {
            shelf = ShelfSimulator.onTcp(0, 4, 1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        shelf.weigh(0, ShelfAlertsTest.grams(10));
        return Map.of("agent.shelves.T1.sensor", "modbus-tcp://127.0.0.1:" + shelf.port(),
                "agent.shelves.T1.unit", "4",
                "agent.shelves.T1.slots", ShelfAlertsTest.SKU + ":100:250:3",
                "agent.shelves.T1.interval", "50ms",
                "agent.shelf-alerts.check", "200ms",
                "agent.shelf-alerts.discrepancy-after", "3s",
                "agent.lanes.\"12\".printer", "usb:ffff:fffe");
    }

    @Override
    public void stop() {
        shelf.close();
    }
}
