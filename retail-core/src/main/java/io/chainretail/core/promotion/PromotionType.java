package io.chainretail.core.promotion;

/** What a promotion does; conditions (member only, coupon, time of day) combine with any type. */
public enum PromotionType {
    /** Percent off each qualifying item ({@code percentOffBp}). */
    PERCENT_OFF,
    /** An amount off each qualifying item ({@code amountOffMinor}). */
    AMOUNT_OFF,
    /**
     * Buy {@code buyQuantity}, pay for {@code payQuantity} ("3 for 2") or pay {@code bundlePriceMinor}
     * ("2 for 10.00").
     */
    MULTI_BUY,
    /**
     * Buy {@code buyQuantity} of {@code items}, get {@code getQuantity} of {@code getItems} at
     * {@code percentOffBp} off.
     */
    BUY_X_GET_Y,
    /** Spend at least a threshold on qualifying items, save an amount; the highest tier reached applies. */
    SPEND_THRESHOLD
}
