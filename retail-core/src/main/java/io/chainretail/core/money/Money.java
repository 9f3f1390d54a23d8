package io.chainretail.core.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money as an integer count of minor units (fen, cents) in one currency.
 *
 * <p>There is deliberately no way to build one from a floating-point number: prices, totals, tax and
 * points never pass through {@code double}.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount such as {@code "12.50"} exactly; rejects more fraction digits than the
     * currency has.
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        java.math.BigDecimal value = new java.math.BigDecimal(amount.trim());
        int digits = currency.getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException(
                    amount + " has more than " + digits + " decimal places for " + currencyCode);
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /** The amount as a plain decimal string, e.g. {@code 12.50}; never uses floating point. */
    public String toDecimalString() {
        return java.math.BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toDecimalString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
