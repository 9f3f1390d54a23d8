package io.chainretail.devices.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mettler Toledo's continuous output, sent many times a second: {@code STX SWA SWB SWC}, six digits of the
 * displayed weight, six of the tare (absent in the short form), {@code CR} and, when enabled, a checksum (the
 * two's complement of the 7-bit sum of every byte before it). Status word A places the decimal point; B says
 * net, negative, out of range, in motion and kilograms. A frame with a wrong checksum is noise.
 *
 * <p>Whether a checksum follows {@code CR} shows in the next byte: another {@code STX} means none, so a frame is
 * read once the byte after it has arrived, never on a guess.
 */
final class ToledoContinuous implements ScaleProtocol {

    static final byte STX = 0x02;
    static final byte CR = 0x0D;
    private static final int SHORT_FRAME = 11;
    private static final int LONG_FRAME = 17;

    private final byte[] frame = new byte[LONG_FRAME + 1];
    private int length;
    private int noise;

    @Override
    public List<ScaleReading> accept(byte[] bytes, int count) {
        List<ScaleReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte b = bytes[i];
            if (length == 0) {
                if (b == STX) {
                    frame[length++] = b;
                } else {
                    noise++;
                }
            } else if (complete()) {
                boolean checked = b != STX;
                if (checked) {
                    frame[length++] = b;
                }
                read(checked, readings);
                length = 0;
                if (!checked) {
                    frame[length++] = STX;
                }
            } else {
                frame[length++] = b;
                if (length == LONG_FRAME && !complete()) {
                    noise += length;
                    length = 0;
                }
            }
        }
        return readings;
    }

    /** Whether the bytes so far are a whole frame up to its CR (a digit never is a CR, so length tells which). */
    private boolean complete() {
        return (length == SHORT_FRAME || length == LONG_FRAME) && frame[length - 1] == CR;
    }

    private void read(boolean checked, List<ScaleReading> readings) {
        int body = checked ? length - 1 : length;
        if (checked && checksum(frame, body) != (frame[body] & 0x7F)) {
            noise += length;
            return;
        }
        String digits = new String(frame, 4, 6, StandardCharsets.US_ASCII);
        if (!digits.matches("[0-9 ]{6}") || digits.isBlank()) {
            noise += length;
            return;
        }
        int swa = frame[1];
        int swb = frame[2];
        long raw = Long.parseLong(digits.strip());
        long grams = new BigDecimal(raw).movePointRight(3 - decimals(swa)).setScale(0,
                RoundingMode.HALF_UP).longValueExact();
        ScaleReading.Condition condition = (swb & 0x10) == 0 ? ScaleReading.Condition.NOT_KILOGRAMS
                : (swb & 0x04) != 0 ? ScaleReading.Condition.OVERLOAD
                : (swb & 0x02) != 0 ? ScaleReading.Condition.UNDER_ZERO
                : (swb & 0x08) != 0 ? ScaleReading.Condition.MOTION : ScaleReading.Condition.STABLE;
        readings.add(new ScaleReading((swb & 0x02) != 0 ? -grams : grams, condition));
    }

    /** Decimal places of the weight from status word A's bits 0-2: 0 is x00, 1 is x0, 2 none, 3 one, 7 five. */
    private static int decimals(int swa) {
        return (swa & 0x07) - 2;
    }

    static int checksum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0x7F;
        }
        return -sum & 0x7F;
    }

    @Override
    public int noise() {
        return noise;
    }
}
