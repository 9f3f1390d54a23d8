package io.chainretail.agent.checkout;

import java.util.Optional;

/** The weight on a lane's scale, for a weighed item whose weight the cashier did not key in. */
public interface LaneScale {

    /**
     * The settled weight on {@code lane}'s scale now, in grams; empty when the lane has no scale.
     *
     * @throws io.chainretail.core.error.Refusal when the scale has no weight to sell by: silent, settling,
     *                                           overloaded, below zero or empty
     */
    Optional<Long> settledGrams(String lane);
}
