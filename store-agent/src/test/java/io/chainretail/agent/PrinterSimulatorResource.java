package io.chainretail.agent;

import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.sim.PrinterSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** A network receipt printer (the simulator on a loopback port) as lane 11's printer. */
public class PrinterSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static PrinterSimulator printer;

    @Override
    public Map<String, String> start() {
        try {
            printer = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, Path.of("target/printed-lane-11"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("agent.lanes.\"11\".printer", "tcp://127.0.0.1:" + printer.port());
    }

    @Override
    public void stop() {
        printer.close();
    }
}
