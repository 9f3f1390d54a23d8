package io.chainretail.core.pricing;

import java.util.List;

/**
 * A basket line priced: regular amount, what promotions took off and why, the amount after discounts,
 * its tax and what the customer pays for it.
 *
 * @param amountMinor  regular minus savings, at least zero
 * @param taxMinor     the tax in (inclusive) or on (exclusive) {@code amountMinor}
 * @param payableMinor what the customer pays: the amount, plus the tax when it is exclusive
 */
public record PricedLine(BasketLine line, long regularMinor, long savingMinor, long amountMinor, long taxMinor,
        long payableMinor, List<Adjustment> adjustments) {

    public PricedLine {
        adjustments = List.copyOf(adjustments);
    }
}
