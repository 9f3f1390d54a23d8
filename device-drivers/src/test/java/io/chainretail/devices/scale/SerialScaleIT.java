package io.chainretail.devices.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.device.DeviceState;
import io.chainretail.devices.scale.ScaleReading.Condition;
import io.chainretail.devices.sim.PtyPair;
import io.chainretail.devices.sim.ScaleSimulator;
import io.chainretail.devices.sim.SocatPair;
import io.chainretail.devices.transport.SerialTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scale on a socat pty pair in each mode: the weight on the platter now, settling, overloaded, line noise
 * between frames, a scale that falls silent (an error until it speaks again), and the cable pulled.
 */
class SerialScaleIT {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @ParameterizedTest
    @CsvSource({"CAS, cas", "TOLEDO_CONTINUOUS, toledo-continuous",
            "TOLEDO_CONTINUOUS_WITHOUT_CHECKSUM, toledo-continuous", "TOLEDO_REQUEST, toledo-request"})
    void weighsOverASerialLine(ScaleSimulator.Mode mode, String protocol) throws Exception {
        try (PtyPair cable = SocatPair.open(Path.of("target/pty"), "scale-" + protocol)) {
            ScaleSimulator platter = new ScaleSimulator(cable.deviceEnd(), mode);
            WeighingScale scale = new WeighingScale("lane-01-scale", new SerialTransport(cable.driverEnd(), 9_600),
                    ScaleProtocol.named(protocol), InstantSource.system(), Duration.ofMillis(200),
                    Duration.ofSeconds(1));
            try {
                scale.open();
                platter.put(new ScaleReading(356, Condition.STABLE));
                assertEquals(new ScaleReading(356, Condition.STABLE), settled(scale, 356));
                assertEquals(DeviceState.IDLE, scale.state());

                platter.put(new ScaleReading(1_200, Condition.MOTION));
                assertEquals(Condition.MOTION, next(scale, r -> r.condition() != Condition.STABLE).condition());
                platter.put(new ScaleReading(0, Condition.OVERLOAD));
                assertEquals(Condition.OVERLOAD, next(scale, r -> r.condition() == Condition.OVERLOAD).condition());

                // Noise between frames is skipped, never read as a weight.
                platter.raw(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x02, '9', '9', '\r', '\n', (byte) 0x80});
                platter.put(new ScaleReading(2_015, Condition.STABLE));
                assertEquals(new ScaleReading(2_015, Condition.STABLE), settled(scale, 2_015));
                if (mode != ScaleSimulator.Mode.TOLEDO_REQUEST) {
                    assertTrue(scale.noise() > 0, "noise counted");
                }

                // Silent: an error the state says in words; speaking again clears it.
                platter.silent(true);
                Await.until(() -> scale.state() == DeviceState.ERROR, "a silent scale is in error");
                assertTrue(scale.problem().contains("no weight"), scale.problem());
                assertEquals(Optional.empty(), scale.weigh(Duration.ofMillis(300)));
                platter.silent(false);
                Await.until(() -> scale.state() == DeviceState.IDLE, "the scale speaks again");

                // The cable pulled and plugged back in.
                platter.close();
                cable.kill();
                Await.until(() -> scale.state() == DeviceState.ERROR, "the scale notices the cable is gone");
                cable.start();
                platter = new ScaleSimulator(cable.deviceEnd(), mode);
                platter.put(new ScaleReading(480, Condition.STABLE));
                assertEquals(new ScaleReading(480, Condition.STABLE), settled(scale, 480));
                if (mode == ScaleSimulator.Mode.TOLEDO_REQUEST) {
                    assertTrue(platter.requests() > 0);
                }
            } finally {
                scale.close();
                platter.close();
            }
        }
    }

    /** Weighs until the scale gives {@code grams}, settled (what was on the platter before may come first). */
    private static ScaleReading settled(WeighingScale scale, long grams) throws InterruptedException {
        return next(scale, r -> r.settled() && r.grams() == grams);
    }

    private static ScaleReading next(WeighingScale scale, Predicate<ScaleReading> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ScaleReading> reading = scale.weigh(WITHIN);
            if (reading.isPresent() && wanted.test(reading.get())) {
                return reading.get();
            }
        }
        throw new AssertionError("no such reading; last " + scale.latest() + ", noise " + scale.noise());
    }
}
