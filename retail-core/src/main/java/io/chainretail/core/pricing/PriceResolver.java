package io.chainretail.core.pricing;

import io.chainretail.core.sync.payload.PriceBounds;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Resolves the regular price of one item at one store and instant (docs/promotions.md): the
 * store's override if it is valid then and inside every bound HQ set, else the regional price, else the
 * chain price; a member pays their tier's price where it is set and lower.
 */
public final class PriceResolver {

    private PriceResolver() {
    }

    /** Where a resolved price came from, for the line's trace and for reconciliation. */
    public enum Source {
        STORE_OVERRIDE, REGIONAL, CHAIN, MEMBER_TIER
    }

    /** A resolved price and where it came from. */
    public record Resolved(long priceMinor, Source source) {
    }

    /**
     * What is known about one item's prices at one store.
     *
     * @param unboundedMaxBp how far the store's price may be from HQ's when no bound of HQ's is in force for the
     *                       item at the store (the store's {@code priceOverrideMaxBp}); {@code null}: no limit
     */
    public record Prices(Long chainMinor, Long regionalMinor, StoreOverride override,
            Collection<PriceBounds> bounds, Long tierMinor, Integer unboundedMaxBp) {

        /** Prices with no limit where HQ set no bound. */
        public Prices(Long chainMinor, Long regionalMinor, StoreOverride override, Collection<PriceBounds> bounds,
                Long tierMinor) {
            this(chainMinor, regionalMinor, override, bounds, tierMinor, null);
        }
    }

    /**
     * The price, or empty when HQ has no chain or regional price for the item (it cannot be sold).
     *
     * @param store the store whose bounds apply (bounds for every store apply too)
     */
    public static Optional<Resolved> resolve(Prices prices, String store, Instant at) {
        Long hqPrice = hqPrice(prices).orElse(null);
        if (hqPrice == null) {
            return Optional.empty();
        }
        Resolved resolved = new Resolved(hqPrice, prices.regionalMinor() != null ? Source.REGIONAL : Source.CHAIN);
        StoreOverride override = prices.override();
        if (override != null && override.isValidAt(at)
                && violatedBound(override.priceMinor(), hqPrice, prices.bounds(), prices.unboundedMaxBp(), store, at)
                        .isEmpty()) {
            resolved = new Resolved(override.priceMinor(), Source.STORE_OVERRIDE);
        }
        if (prices.tierMinor() != null && prices.tierMinor() < resolved.priceMinor()) {
            resolved = new Resolved(prices.tierMinor(), Source.MEMBER_TIER);
        }
        return Optional.of(resolved);
    }

    /** HQ's price of the item at the store (regional, else chain), which bounds measure from; empty: none. */
    public static Optional<Long> hqPrice(Prices prices) {
        return Optional.ofNullable(prices.regionalMinor() != null ? prices.regionalMinor() : prices.chainMinor());
    }

    /**
     * The first bound in force at {@code store} and {@code at} that {@code priceMinor} breaks, with a
     * sentence a store manager can act on; empty when the price is allowed. Where no bound of HQ's is in force,
     * the price may be at most {@code unboundedMaxBp} from HQ's.
     *
     * @param hqPriceMinor   the price HQ resolves (regional, else chain), which a maximum deviation is from
     * @param unboundedMaxBp the store's limit where HQ set no bound (basis points either way); {@code null}: none
     */
    public static Optional<String> violatedBound(long priceMinor, long hqPriceMinor, Collection<PriceBounds> bounds,
            Integer unboundedMaxBp, String store, Instant at) {
        return violatedBound(priceMinor, hqPriceMinor, bounds, unboundedMaxBp, store, at, String::valueOf);
    }

    /**
     * As above, with amounts in the sentence written by {@code amount} (e.g. {@code 1.50} for 150 fen), as the
     * manager typed them.
     */
    public static Optional<String> violatedBound(long priceMinor, long hqPriceMinor, Collection<PriceBounds> bounds,
            Integer unboundedMaxBp, String store, Instant at, LongFunction<String> amount) {
        boolean bounded = false;
        for (PriceBounds bound : bounds) {
            if (!inForce(bound, store, at)) {
                continue;
            }
            bounded = true;
            if (bound.floorMinor() != null && priceMinor < bound.floorMinor()) {
                return Optional.of("below HQ's floor of " + amount.apply(bound.floorMinor()) + " (bound " + bound.id()
                        + ")");
            }
            if (bound.ceilingMinor() != null && priceMinor > bound.ceilingMinor()) {
                return Optional.of("above HQ's ceiling of " + amount.apply(bound.ceilingMinor()) + " (bound "
                        + bound.id() + ")");
            }
            if (bound.maxDeviationBp() != null) {
                Optional<String> tooFar = tooFar(priceMinor, hqPriceMinor, bound.maxDeviationBp(),
                        "bound " + bound.id(), amount);
                if (tooFar.isPresent()) {
                    return tooFar;
                }
            }
        }
        if (!bounded && unboundedMaxBp != null) {
            return tooFar(priceMinor, hqPriceMinor, unboundedMaxBp, "the store's limit where HQ set no bound",
                    amount);
        }
        return Optional.empty();
    }

    /** The lowest and highest price (null: no limit that side) a store may set at {@code at}, by the same rules. */
    public record Range(Long lowestMinor, Long highestMinor) {
    }

    /** What {@link #violatedBound} allows, as a range a store manager can be shown before typing a price. */
    public static Range allowed(long hqPriceMinor, Collection<PriceBounds> bounds, Integer unboundedMaxBp,
            String store, Instant at) {
        Long lowest = null;
        Long highest = null;
        boolean bounded = false;
        for (PriceBounds bound : bounds) {
            if (!inForce(bound, store, at)) {
                continue;
            }
            bounded = true;
            if (bound.floorMinor() != null) {
                lowest = lowest == null ? bound.floorMinor() : Math.max(lowest, bound.floorMinor());
            }
            if (bound.ceilingMinor() != null) {
                highest = highest == null ? bound.ceilingMinor() : Math.min(highest, bound.ceilingMinor());
            }
            if (bound.maxDeviationBp() != null) {
                long off = Rounding.percentOf(hqPriceMinor, bound.maxDeviationBp());
                lowest = lowest == null ? hqPriceMinor - off : Math.max(lowest, hqPriceMinor - off);
                highest = highest == null ? hqPriceMinor + off : Math.min(highest, hqPriceMinor + off);
            }
        }
        if (!bounded && unboundedMaxBp != null) {
            long off = Rounding.percentOf(hqPriceMinor, unboundedMaxBp);
            lowest = hqPriceMinor - off;
            highest = hqPriceMinor + off;
        }
        return new Range(lowest == null ? null : Math.max(0, lowest), highest);
    }

    /** Whether {@code bound} holds for {@code store} at {@code at}: not removed, this store's or all, valid then. */
    private static boolean inForce(PriceBounds bound, String store, Instant at) {
        return !bound.removed() && (bound.store() == null || bound.store().equals(store))
                && (bound.validFrom() == null || !at.isBefore(bound.validFrom()))
                && (bound.validTo() == null || at.isBefore(bound.validTo()));
    }

    private static Optional<String> tooFar(long priceMinor, long hqPriceMinor, int maxBp, String which,
            LongFunction<String> amount) {
        long allowed = Rounding.percentOf(hqPriceMinor, maxBp);
        if (Math.abs(priceMinor - hqPriceMinor) > allowed) {
            return Optional.of("more than " + amount.apply(allowed) + " away from HQ's price of "
                    + amount.apply(hqPriceMinor) + " (" + which + ": at most " + maxBp + " bp)");
        }
        return Optional.empty();
    }
}
