package io.chainretail.devices.shelf;

import static io.chainretail.devices.shelf.ModbusShelfIT.units;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceEvent;
import io.chainretail.devices.sim.ShelfSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A shelf behind a Modbus TCP gateway (the simulator on a loopback port): counts, a restart, reconnect. */
class ModbusTcpShelfTest {

    @Test
    void readsOverModbusTcpAndReconnectsAfterTheGatewayRestarts() throws Exception {
        ShelfSimulator simulator = ShelfSimulator.onTcp(0, 3, 1);
        int port = simulator.port();
        simulator.weigh(0, 200 + 7 * 400);
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        WeighingShelf shelf = new WeighingShelf("d4", ModbusShelfSensor.tcp("127.0.0.1", port, 3),
                List.of(new Slot("OIL-1L", 200, 400, 2)), Duration.ofMillis(50));
        shelf.addListener(events::add);
        shelf.open();
        try {
            Await.until(() -> units(shelf, 0) == 7, "7 bottles counted");
            simulator.close();
            Await.until(() -> !shelf.connected(), "the gateway's restart is noticed");
            // The shelf marks itself disconnected, then reports the error: wait for the report too.
            Await.until(() -> events.stream().anyMatch(e -> e instanceof DeviceEvent.Error),
                    "the lost gateway is reported as an error");
            simulator = ShelfSimulator.onTcp(port, 3, 1);
            simulator.weigh(0, 200 + 5 * 400);
            Await.until(() -> shelf.connected() && units(shelf, 0) == 5, "read again after the restart");
        } finally {
            shelf.close();
            simulator.close();
        }
    }
}
