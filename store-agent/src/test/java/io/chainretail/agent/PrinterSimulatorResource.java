package io.chainretail.agent;

import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.sim.PrinterSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lane 11's devices on loopback ports: a network receipt printer (the simulator) and a scanner behind a
 * serial-to-network adapter.
 */
public class PrinterSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static PrinterSimulator printer;
    static TcpScanner scanner;

    @Override
    public Map<String, String> start() {
        try {
            printer = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, Path.of("target/printed-lane-11"));
            scanner = new TcpScanner();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("agent.lanes.\"11\".printer", "tcp://127.0.0.1:" + printer.port(),
                "agent.lanes.\"11\".scanner", scanner.address());
    }

    @Override
    public void stop() {
        printer.close();
        try {
            scanner.close();
        } catch (java.io.IOException e) {
            // the test is over
        }
    }
}
