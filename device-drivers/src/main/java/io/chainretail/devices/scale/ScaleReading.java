package io.chainretail.devices.scale;

/**
 * One weight from a scale: the weight on the platter in grams (net of tare) and whether it can be sold by.
 */
public record ScaleReading(long grams, Condition condition) {

    /** What the scale says about its weight. Only a {@link #STABLE} one may price an item. */
    public enum Condition {
        /** Settled: the weight may be sold by. */
        STABLE("the scale has settled"),
        /** Still moving. */
        MOTION("the scale is still settling: wait a moment"),
        /** More than the scale can weigh. */
        OVERLOAD("the item is too heavy for the scale"),
        /** Below zero: something was taken off after zeroing. */
        UNDER_ZERO("the scale reads below zero: empty it and zero it"),
        /** In pounds (or another unit): a store weighs in kilograms. */
        NOT_KILOGRAMS("the scale weighs in pounds: set it to kilograms");

        private final String meaning;

        Condition(String meaning) {
            this.meaning = meaning;
        }

        /** The condition in words for the cashier. */
        public String meaning() {
            return meaning;
        }
    }

    public boolean settled() {
        return condition == Condition.STABLE;
    }
}
