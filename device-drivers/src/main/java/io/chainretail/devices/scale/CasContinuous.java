package io.chainretail.devices.scale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The continuous output of CAS indicators and the scales that copy it (A&amp;D and many counter scales): one line
 * per weighing, {@code ST,GS,+001.234kg CR LF}. {@code ST}, {@code US} or {@code OL} says stable, unstable or
 * overloaded; {@code GS} or {@code NT} gross or net; CAS's 22-byte form adds a device id and a lamp byte
 * before the weight ({@code ST,NT,1\u00c0,  01.234 kg}).
 */
final class CasContinuous implements ScaleProtocol {

    private static final int LONGEST_LINE = 40;
    private static final Pattern LINE = Pattern.compile(
            "(ST|US|OL),(GS|NT),(?:..,)?([^,]*?)\\s*(kg|g|lb|oz|t)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final FrameBuffer line = new FrameBuffer(LONGEST_LINE);
    /** Set when a line grew too long to be one: the rest of it, up to its LF, is noise too. */
    private boolean skippingLine;

    @Override
    public List<ScaleReading> accept(byte[] bytes, int count) {
        List<ScaleReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte b = bytes[i];
            if (b == '\n' && skippingLine) {
                skippingLine = false;
                line.countNoise(1);
            } else if (b == '\n') {
                int length = line.size();
                read(new String(line.take(), StandardCharsets.ISO_8859_1)).ifPresentOrElse(readings::add,
                        () -> line.countNoise(length + 1));
            } else if (skippingLine) {
                line.countNoise(1);
            } else if (b != '\r' && !line.add(b)) {
                line.dropAsNoise();
                line.countNoise(1);
                skippingLine = true;
            }
        }
        return readings;
    }

    private static Optional<ScaleReading> read(String text) {
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String status = m.group(1).toUpperCase(Locale.ROOT);
        if (status.equals("OL")) {
            return Optional.of(new ScaleReading(0, ScaleReading.Condition.OVERLOAD));
        }
        String data = m.group(3).replace(" ", "");
        boolean negative = data.startsWith("-");
        String number = data.replaceFirst("^[+-]", "");
        String unit = m.group(4).toLowerCase(Locale.ROOT);
        OptionalLong grams = switch (unit) {
            case "kg" -> Weights.gramsOfKilograms(number);
            case "g" -> Weights.gramsOfKilograms(number).stream()
                    .map(milli -> Math.round(milli / 1000.0)).findFirst();
            default -> OptionalLong.of(0);
        };
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        ScaleReading.Condition condition = !unit.equals("kg") && !unit.equals("g")
                ? ScaleReading.Condition.NOT_KILOGRAMS
                : negative ? ScaleReading.Condition.UNDER_ZERO
                : status.equals("US") ? ScaleReading.Condition.MOTION : ScaleReading.Condition.STABLE;
        return Optional.of(new ScaleReading(negative ? -grams.getAsLong() : grams.getAsLong(),
                condition));
    }

    @Override
    public int noise() {
        return line.noise();
    }
}
