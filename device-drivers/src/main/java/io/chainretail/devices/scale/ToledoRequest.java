package io.chainretail.devices.scale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Toledo's demand mode (8213, 8217 and the POS scales that copy them): {@code W} asks, and the scale answers
 * {@code STX 01.234 CR} with a settled weight in kilograms, or {@code STX ? status CR} when it has none to give:
 * bit 0 of the status byte is motion, bit 1 over capacity, bit 2 under zero.
 */
final class ToledoRequest implements ScaleProtocol {

    private static final byte STX = 0x02;
    private static final byte CR = 0x0D;
    private static final byte[] WEIGH = {'W'};

    private final FrameBuffer answer = new FrameBuffer(12);
    private boolean inAnswer;

    @Override
    public byte[] request() {
        return WEIGH.clone();
    }

    @Override
    public List<ScaleReading> accept(byte[] bytes, int count) {
        List<ScaleReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte b = bytes[i];
            if (b == STX) {
                answer.dropAsNoise(); // an answer cut short by the next one
                inAnswer = true;
            } else if (!inAnswer) {
                answer.countNoise(1);
            } else if (b == CR) {
                inAnswer = false;
                byte[] text = answer.take();
                ScaleReading reading = read(text);
                if (reading == null) {
                    answer.countNoise(text.length + 2);
                } else {
                    readings.add(reading);
                }
            } else if (!answer.add(b)) {
                answer.dropAsNoise(); // too long to be an answer: wait for the next STX
                inAnswer = false;
            }
        }
        return readings;
    }

    private static ScaleReading read(byte[] text) {
        if (text.length == 2 && text[0] == '?') {
            int status = text[1];
            ScaleReading.Condition condition = (status & 0x02) != 0 ? ScaleReading.Condition.OVERLOAD
                    : (status & 0x04) != 0 ? ScaleReading.Condition.UNDER_ZERO
                    : (status & 0x01) != 0 ? ScaleReading.Condition.MOTION : null;
            return condition == null ? null : new ScaleReading(0, condition);
        }
        OptionalLong grams = Weights.gramsOfKilograms(new String(text, StandardCharsets.US_ASCII));
        return grams.isPresent() ? new ScaleReading(grams.getAsLong(), ScaleReading.Condition.STABLE) : null;
    }

    @Override
    public int noise() {
        return answer.noise();
    }
}
