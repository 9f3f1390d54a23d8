package io.chainretail.core.pricing;

import java.math.BigInteger;

/**
 * The one place amounts are divided (docs/promotions.md). Every division of money rounds half
 * up, in minor units; an amount split over several lines is split by largest remainder so the parts
 * always add up to the whole.
 */
public final class Rounding {

    private static final long BASIS = 10_000;

    private Rounding() {
    }

    /** {@code rateBp} basis points of {@code amountMinor}, rounded half up: 10% of 0.05 is 0.01. */
    public static long percentOf(long amountMinor, int rateBp) {
        return divideHalfUp(BigInteger.valueOf(amountMinor).multiply(BigInteger.valueOf(rateBp)),
                BigInteger.valueOf(BASIS));
    }

    /** The tax inside a tax-inclusive amount: {@code amount * rate / (1 + rate)}, rounded half up. */
    public static long includedTax(long amountMinor, int rateBp) {
        return divideHalfUp(BigInteger.valueOf(amountMinor).multiply(BigInteger.valueOf(rateBp)),
                BigInteger.valueOf(BASIS + rateBp));
    }

    /**
     * {@code part/whole} of {@code amountMinor}, rounded half up: what 1 of 3 units of a 10.00 line paid,
     * 3.33.
     */
    public static long share(long amountMinor, long part, long whole) {
        if (whole <= 0 || part < 0 || part > whole) {
            throw new IllegalArgumentException(part + " is not a share of " + whole);
        }
        return divideHalfUp(BigInteger.valueOf(amountMinor).multiply(BigInteger.valueOf(part)),
                BigInteger.valueOf(whole));
    }

    /** The price of {@code grams} of an item sold at {@code pricePerKgMinor} a kilogram, rounded half up. */
    public static long ofWeight(long pricePerKgMinor, long grams) {
        return divideHalfUp(BigInteger.valueOf(pricePerKgMinor).multiply(BigInteger.valueOf(grams)),
                BigInteger.valueOf(1000));
    }

    /**
     * Splits {@code amountMinor} over parts in proportion to {@code weights} by largest remainder: each
     * part gets its rounded-down share, then the minor units left go one each to the parts with the
     * largest remainders, earlier parts first on a tie. The parts add up to {@code amountMinor}
     * exactly, and no part exceeds its weight when the amount does not exceed their sum.
     */
    public static long[] allocate(long amountMinor, long[] weights) {
        long[] parts = new long[weights.length];
        BigInteger total = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total = total.add(BigInteger.valueOf(weight));
        }
        if (total.signum() == 0 || amountMinor == 0) {
            return parts;
        }
        BigInteger amount = BigInteger.valueOf(amountMinor);
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] division = amount.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += parts[i];
        }
        for (long left = amountMinor - given; left > 0; left--) {
            int largest = -1;
            for (int i = 0; i < weights.length; i++) {
                if (remainders[i].signum() > 0 && (largest < 0 || remainders[i].compareTo(remainders[largest]) > 0)) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = BigInteger.ZERO;
        }
        return parts;
    }

    private static long divideHalfUp(BigInteger numerator, BigInteger denominator) {
        if (numerator.signum() < 0) {
            throw new IllegalArgumentException("amounts and rates must not be negative");
        }
        BigInteger[] division = numerator.divideAndRemainder(denominator);
        long quotient = division[0].longValueExact();
        return division[1].shiftLeft(1).compareTo(denominator) >= 0 ? quotient + 1 : quotient;
    }
}
