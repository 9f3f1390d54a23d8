package io.chainretail.agent.devices;

import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.sim.DisplaySimulator;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.ScaleSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Lane 11's devices: a network receipt printer (the simulator) and a scanner behind a serial-to-network adapter
 * on loopback ports, and a Chinese 2x20 customer display and a CAS scale on socat pty pairs (without socat,
 * outside CI, the display and scale are left out and their test is skipped, loudly).
 */
public class LaneDevicesResource implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {

    static PrinterSimulator printer;
    static TcpScanner scanner;
    static DisplaySimulator display;
    static ScaleSimulator scale;
    private static PtyPair displayCable;
    private static PtyPair scaleCable;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            printer = PrinterSimulator.onTcp(0, PrinterProfile.GENERIC_80MM, Path.of("target/printed-lane-11"));
            scanner = new TcpScanner();
            config.put("agent.lanes.\"11\".printer", "tcp://127.0.0.1:" + printer.port());
            config.put("agent.lanes.\"11\".scanner", scanner.address());
            if (PtyPair.available()) {
                displayCable = new PtyPair(Path.of("target/pty"), "lane-11-display");
                display = new DisplaySimulator(displayCable.deviceEnd(), 20);
                scaleCable = new PtyPair(Path.of("target/pty"), "lane-11-scale");
                scale = new ScaleSimulator(scaleCable.deviceEnd(), ScaleSimulator.Mode.CAS);
                config.put("agent.lanes.\"11\".display", "serial:" + displayCable.driverEnd());
                config.put("agent.lanes.\"11\".display-charset", "gb18030");
                config.put("agent.lanes.\"11\".scale", "serial:" + scaleCable.driverEnd());
                config.put("agent.lanes.\"11\".scale-protocol", "cas");
            } else if (System.getenv("CI") != null) {
                throw new IllegalStateException("the display and scale tests need socat, and CI must run them");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return config;
    }

    /** Skips the calling test, loudly, when socat is missing (outside CI only: there start() fails). */
    static void requireSerialDevices() {
        if (display == null) {
            System.err.println("\n!!! SKIPPED: the customer display and scale tests need socat "
                    + "(apt-get install socat) !!!\n");
            Assumptions.abort("socat is not installed");
        }
    }

    @Override
    public void stop() {
        printer.close();
        try {
            scanner.close();
            if (display != null) {
                display.close();
                scale.close();
                displayCable.close();
                scaleCable.close();
            }
        } catch (IOException e) {
            // the test is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
