package io.chainretail.core.pricing;

import io.chainretail.core.error.Fields;

/**
 * A line's tax class as the engine needs it.
 *
 * @param rateBp    the rate in basis points: 1300 = 13%
 * @param inclusive true when prices include the tax (VAT style), false when it is added on top
 */
public record Tax(String code, int rateBp, boolean inclusive) {

    public Tax {
        Fields.code(code, "code");
        Fields.require(rateBp >= 0 && rateBp <= 10_000, "rateBp", "must be between 0 and 10000 basis points");
    }

    /** The tax on a line whose price after discounts is {@code amountMinor}, rounded half up. */
    public long on(long amountMinor) {
        return inclusive ? Rounding.includedTax(amountMinor, rateBp) : Rounding.percentOf(amountMinor, rateBp);
    }

    /** What the customer pays for a line of {@code amountMinor}: the amount, plus the tax when exclusive. */
    public long payable(long amountMinor) {
        return inclusive ? amountMinor : amountMinor + on(amountMinor);
    }
}
