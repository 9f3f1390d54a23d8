package io.chainretail.agent.devices;

import io.chainretail.agent.checkout.LaneScale;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.devices.scale.ScaleReading;
import io.chainretail.devices.scale.WeighingScale;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Weighs at the lanes' scales for checkout: the first reading after the question, and only a settled weight
 * above zero prices an item. Anything else is refused in words the cashier can act on.
 */
@ApplicationScoped
public class LaneScales implements LaneScale {

    /** A scale in continuous mode sends several readings a second; one in request mode answers at once. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final StoreDevices devices;

    public LaneScales(StoreDevices devices) {
        this.devices = devices;
    }

    @Override
    public Optional<Long> settledGrams(String lane) {
        WeighingScale scale = devices.scales().get(lane);
        if (scale == null) {
            return Optional.empty();
        }
        ScaleReading reading = weigh(scale).orElseThrow(() -> Refusal.of(ErrorCode.SCALE_SILENT,
                "The scale is not answering: key the weight in, or check the scale and its cable."));
        ErrorCode code = switch (reading.condition()) {
            case STABLE -> reading.grams() > 0 ? null : ErrorCode.SCALE_EMPTY;
            case MOTION -> ErrorCode.SCALE_NOT_SETTLED;
            case OVERLOAD -> ErrorCode.SCALE_OVERLOAD;
            case UNDER_ZERO -> ErrorCode.SCALE_UNDER_ZERO;
            case NOT_KILOGRAMS -> ErrorCode.SCALE_NOT_KILOGRAMS;
        };
        if (code == null) {
            return Optional.of(reading.grams());
        }
        String why = code == ErrorCode.SCALE_EMPTY ? "the scale reads nothing: put the item on it"
                : reading.condition().meaning();
        throw Refusal.of(code, Character.toUpperCase(why.charAt(0)) + why.substring(1)
                + " (or key the weight in).");
    }

    private static Optional<ScaleReading> weigh(WeighingScale scale) {
        try {
            return scale.weigh(ANSWER_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
