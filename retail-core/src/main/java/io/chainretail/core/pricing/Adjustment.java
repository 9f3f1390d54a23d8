package io.chainretail.core.pricing;

import io.chainretail.core.promotion.PromotionType;

/**
 * The trace of one promotion on one line: which version of it took how much off how many units.
 *
 * @param savingMinor what it took off the line, positive
 * @param units       how many of the line's units it changed (or, for a bundle, took part in)
 */
public record Adjustment(String promotion, int version, String name, PromotionType type, long savingMinor,
        int units) {
}
