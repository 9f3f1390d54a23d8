package io.chainretail.devices.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.scale.ScaleReading.Condition;
import io.chainretail.devices.sim.ScaleSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scale protocol against the frames of its scales, whole, split, glued, corrupted and mixed with noise. */
class ScaleProtocolTest {

    private static final ScaleReading SETTLED = new ScaleReading(356, Condition.STABLE);

    @Test
    void casReadsBothLineFormsAndEveryStatus() {
        ScaleProtocol cas = ScaleProtocol.named("cas");
        assertEquals(List.of(SETTLED), feed(cas, ScaleSimulator.casLine(SETTLED)));
        assertEquals(List.of(new ScaleReading(1_234, Condition.STABLE), new ScaleReading(1_234, Condition.MOTION),
                new ScaleReading(0, Condition.OVERLOAD), new ScaleReading(-120, Condition.UNDER_ZERO),
                new ScaleReading(500, Condition.STABLE), new ScaleReading(0, Condition.NOT_KILOGRAMS)),
                feed(cas, ascii("ST,GS,+001.234kg\r\nUS,GS,+001.234kg\r\nOL,GS,--------kg\r\n"
                        + "ST,NT,-  0.120 kg\r\nST,GS,   500 g\r\nST,GS,+  1.000lb\r\n")));
        assertEquals(0, cas.noise());
    }

    @Test
    void casSkipsNoiseAndNeverReadsAWeightFromIt() {
        ScaleProtocol cas = ScaleProtocol.named("cas");
        byte[] line = ScaleSimulator.casLine(SETTLED);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {(byte) 0xFF, 0x00, (byte) 0xC3, '\n'}); // a wrong baud rate
        stream.writeBytes(ascii("ST,GS,+0012345678901234.567kg\r\n")); // longer than a line can be
        stream.writeBytes(ascii("1".repeat(100) + "\r\n"));
        stream.writeBytes(ascii("ST,GS,+abc.defkg\r\n"));
        stream.writeBytes(line);
        List<ScaleReading> readings = new ArrayList<>();
        for (byte b : stream.toByteArray()) { // one byte per read, as a slow line delivers them
            readings.addAll(cas.accept(new byte[] {b}, 1));
        }
        assertEquals(List.of(SETTLED), readings);
        assertTrue(cas.noise() > 100, "noise counted: " + cas.noise());
    }

    @Test
    void toledoContinuousWithAndWithoutChecksum() {
        ScaleProtocol toledo = ScaleProtocol.named("toledo-continuous");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ScaleSimulator.toledoFrame(SETTLED, true));
        stream.writeBytes(ScaleSimulator.toledoFrame(new ScaleReading(2_500, Condition.MOTION), true));
        stream.writeBytes(ScaleSimulator.toledoFrame(new ScaleReading(-40, Condition.UNDER_ZERO), false));
        stream.writeBytes(ScaleSimulator.toledoFrame(new ScaleReading(0, Condition.OVERLOAD), false));
        stream.writeBytes(ScaleSimulator.toledoFrame(new ScaleReading(10, Condition.NOT_KILOGRAMS), true));
        stream.writeBytes(ScaleSimulator.toledoFrame(SETTLED, true)); // read once the next byte comes
        stream.write(0x02);
        assertEquals(List.of(SETTLED, new ScaleReading(2_500, Condition.MOTION),
                new ScaleReading(-40, Condition.UNDER_ZERO), new ScaleReading(0, Condition.OVERLOAD),
                new ScaleReading(10, Condition.NOT_KILOGRAMS), SETTLED), feed(toledo, stream.toByteArray()));
        assertEquals(0, toledo.noise());
    }

    @Test
    void toledoContinuousDropsAFrameWithAWrongChecksumOrDigits() {
        ScaleProtocol toledo = ScaleProtocol.named("toledo-continuous");
        byte[] corrupt = ScaleSimulator.toledoFrame(new ScaleReading(9_356, Condition.STABLE), true);
        corrupt[7] = '9'; // a flipped digit: 9,956 g would be sold
        byte[] letters = ScaleSimulator.toledoFrame(SETTLED, false);
        letters[5] = 'x';
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("garbage"));
        stream.writeBytes(corrupt);
        stream.writeBytes(letters);
        stream.writeBytes(ScaleSimulator.toledoFrame(SETTLED, true));
        stream.writeBytes(ScaleSimulator.toledoFrame(SETTLED, true));
        assertEquals(List.of(SETTLED, SETTLED), feed(toledo, stream.toByteArray()));
        assertTrue(toledo.noise() >= "garbage".length() + corrupt.length + letters.length);
    }

    @Test
    void toledoRequestAsksWithWAndReadsWeightsAndStatus() {
        ScaleProtocol toledo = ScaleProtocol.named("toledo-request");
        assertEquals("W", new String(toledo.request(), StandardCharsets.US_ASCII));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ScaleSimulator.demandAnswer(SETTLED));
        stream.writeBytes(ScaleSimulator.demandAnswer(new ScaleReading(700, Condition.MOTION)));
        stream.writeBytes(ScaleSimulator.demandAnswer(new ScaleReading(0, Condition.OVERLOAD)));
        stream.writeBytes(ScaleSimulator.demandAnswer(new ScaleReading(-5, Condition.UNDER_ZERO)));
        stream.writeBytes(ascii("\u0002123456789012345678\r")); // too long to be an answer
        stream.writeBytes(ascii("noise\u00021.5\r"));
        assertEquals(List.of(SETTLED, new ScaleReading(0, Condition.MOTION), new ScaleReading(0, Condition.OVERLOAD),
                new ScaleReading(0, Condition.UNDER_ZERO), new ScaleReading(1_500, Condition.STABLE)),
                feed(toledo, stream.toByteArray()));
        assertTrue(toledo.noise() >= 18 + 5);
    }

    @Test
    void anUnknownProtocolIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScaleProtocol.named("dibal"));
        assertTrue(e.getMessage().contains("cas, toledo-continuous, toledo-request"), e.getMessage());
    }

    private static List<ScaleReading> feed(ScaleProtocol protocol, byte[] bytes) {
        return protocol.accept(bytes, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
