package io.chainretail.devices.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.escpos.CodePage;
import io.chainretail.devices.sim.DisplaySimulator;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.SocatPair;
import io.chainretail.devices.transport.SerialTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 2x20 customer display on a socat pty pair: frames shown in place, Chinese in GB18030, a burst of frames
 * ending on the newest, and the cable pulled: the display is set up again and shows the newest frame.
 */
class CustomerDisplayIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void showsTheLatestFrameOverASerialLine() throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "display")) {
            DisplaySimulator glass = new DisplaySimulator(cable.deviceEnd(), 20);
            CustomerDisplay display = new CustomerDisplay("lane-01-display", new SerialTransport(cable.driverEnd(),
                    9_600), new DisplayCommands(CodePage.GB18030, 20), new DisplayFrame("Welcome", ""));
            try {
                display.open();
                glass.await(List.of("Welcome", "")::equals, WITHIN);

                display.show(new DisplayFrame(DisplayFrame.spread("苹果汁 1L", "4.50", 20),
                        DisplayFrame.spread("TOTAL", "4.50", 20)));
                assertEquals(List.of("苹果汁 1L       4.50", "TOTAL           4.50"), glass.await(
                        lines -> lines.get(0).startsWith("苹果汁"), WITHIN));

                // A burst: the display ends on the newest frame, however many it skipped.
                for (int i = 1; i <= 200; i++) {
                    display.show(new DisplayFrame("Item " + i, DisplayFrame.spread("TOTAL", i + ".00", 20)));
                }
                glass.await(List.of("Item 200", "TOTAL         200.00")::equals, WITHIN);
                assertTrue(display.framesShown() <= 202, "frames folded: " + display.framesShown());

                glass.close();
                cable.kill();
                Await.until(() -> display.state() == DeviceState.ERROR, "the display notices the cable is gone");
                display.show(new DisplayFrame("PAID          200.00", "CHANGE          0.00"));
                cable.start();
                glass = new DisplaySimulator(cable.deviceEnd(), 20);
                glass.await(List.of("PAID          200.00", "CHANGE          0.00")::equals, WITHIN);
                assertEquals(1, glass.resets(), "set up again after the reconnect");
            } finally {
                display.close();
                glass.close();
            }
        }
    }
}
