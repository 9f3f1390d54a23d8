package io.chainretail.core.promotion;

/** Spend at least {@code spendMinor} on qualifying items, save {@code saveMinor}. */
public record SpendTier(long spendMinor, long saveMinor) {
}
