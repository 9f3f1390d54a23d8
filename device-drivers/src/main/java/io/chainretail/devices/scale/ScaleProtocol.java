package io.chainretail.devices.scale;

import java.util.List;
import java.util.Locale;

/**
 * How a scale sends its weight over a serial line: the frames it sends, and the bytes that ask for one when it
 * only answers (request mode). Bytes that fit no frame are counted as noise and skipped, never read as a weight.
 */
public interface ScaleProtocol {

    /** The bytes that ask the scale for its weight; none for a scale that sends its weight by itself. */
    default byte[] request() {
        return new byte[0];
    }

    /** The readings completed by {@code count} more bytes from the scale, in order. */
    List<ScaleReading> accept(byte[] bytes, int count);

    /** Bytes skipped as noise (a wrong baud rate, a frame cut short, a failed checksum) since it was made. */
    int noise();

    /**
     * The protocol an operator names in configuration: {@code cas} (CAS and A&amp;D continuous, {@code ST,GS,...kg}),
     * {@code toledo-continuous} (Mettler Toledo continuous output, STX and three status bytes) or
     * {@code toledo-request} (Toledo 8213/8217 demand mode: {@code W} asks, {@code STX weight CR} answers).
     */
    static ScaleProtocol named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cas" -> new CasContinuous();
            case "toledo-continuous" -> new ToledoContinuous();
            case "toledo-request" -> new ToledoRequest();
            default -> throw new IllegalArgumentException("scale protocol " + name
                    + " is none of cas, toledo-continuous, toledo-request");
        };
    }
}
