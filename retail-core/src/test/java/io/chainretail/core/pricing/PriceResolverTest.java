package io.chainretail.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.pricing.PriceResolver.Prices;
import io.chainretail.core.pricing.PriceResolver.Resolved;
import io.chainretail.core.pricing.PriceResolver.Source;
import io.chainretail.core.sync.payload.PriceBounds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceResolverTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final StoreOverride OVERRIDE_900 = new StoreOverride("RICE", 900, null, null);

    @Test
    void regionalBeatsChainAndAValidOverrideBeatsBoth() {
        assertEquals(Optional.of(new Resolved(1000, Source.CHAIN)), resolve(new Prices(1000L, null, null, List.of(),
                null)));
        assertEquals(Optional.of(new Resolved(950, Source.REGIONAL)), resolve(new Prices(1000L, 950L, null, List.of(),
                null)));
        assertEquals(Optional.of(new Resolved(900, Source.STORE_OVERRIDE)), resolve(new Prices(1000L, 950L,
                OVERRIDE_900, List.of(), null)));
    }

    @Test
    void anOverrideOutsideItsWindowOrABoundIsIgnored() {
        StoreOverride expired = new StoreOverride("RICE", 900, null, NOW);
        assertEquals(Source.CHAIN, resolve(new Prices(1000L, null, expired, List.of(), null)).orElseThrow().source());
        PriceBounds floor = new PriceBounds("B1", "RICE", "0001", 950L, null, null, null, null, false);
        assertEquals(Source.CHAIN, resolve(new Prices(1000L, null, OVERRIDE_900, List.of(floor), null))
                .orElseThrow().source());
        PriceBounds otherStore = new PriceBounds("B2", "RICE", "0002", 950L, null, null, null, null, false);
        assertEquals(Source.STORE_OVERRIDE, resolve(new Prices(1000L, null, OVERRIDE_900, List.of(otherStore), null))
                .orElseThrow().source());
    }

    @Test
    void aMaximumDeviationIsMeasuredFromHqsPrice() {
        PriceBounds fivePercent = new PriceBounds("B1", "RICE", null, null, null, 500, null, null, false);
        assertTrue(PriceResolver.violatedBound(950, 1000, List.of(fivePercent), null, "0001", NOW).isEmpty());
        assertEquals(Optional.of("more than 50 away from HQ's price of 1000 (bound B1: at most 500 bp)"),
                PriceResolver.violatedBound(949, 1000, List.of(fivePercent), null, "0001", NOW));
        PriceBounds later = new PriceBounds("B2", "RICE", null, 990L, null, null, NOW.plusSeconds(60), null, false);
        assertTrue(PriceResolver.violatedBound(950, 1000, List.of(later), null, "0001", NOW).isEmpty());
    }

    @Test
    void theStoresLimitAppliesOnlyWhereNoBoundOfHqsIsInForce() {
        assertEquals(Optional.of("more than 500 away from HQ's price of 1000 (the store's limit where HQ set no bound:"
                + " at most 5000 bp)"), PriceResolver.violatedBound(0, 1000, List.of(), 5000, "0001", NOW));
        assertTrue(PriceResolver.violatedBound(1500, 1000, List.of(), 5000, "0001", NOW).isEmpty());
        assertTrue(PriceResolver.violatedBound(1501, 1000, List.of(), 5000, "0001", NOW).isPresent());
        assertTrue(PriceResolver.violatedBound(99_999_999_999L, 1000, List.of(), null, "0001", NOW).isEmpty(),
                "no limit from an HQ that sends none");
        PriceBounds ceiling = new PriceBounds("B1", "RICE", null, null, 5000L, null, null, null, false);
        assertTrue(PriceResolver.violatedBound(4000, 1000, List.of(ceiling), 5000, "0001", NOW).isEmpty(),
                "HQ's own bound for the product replaces the store's limit");
        PriceBounds ended = new PriceBounds("B2", "RICE", null, null, 5000L, null, null, NOW, false);
        PriceBounds otherStore = new PriceBounds("B3", "RICE", "0002", null, 5000L, null, null, null, false);
        assertTrue(PriceResolver.violatedBound(4000, 1000, List.of(ended, otherStore), 5000, "0001", NOW)
                .isPresent(), "a bound not in force here does not lift the store's limit");
        assertEquals(Source.CHAIN, resolve(new Prices(1000L, null, new StoreOverride("RICE", 1, null, null),
                List.of(), null, 5000)).orElseThrow().source(), "a price set before the limit is not sold at");
    }

    @Test
    void aMemberPaysTheTierPriceOnlyWhenItIsLower() {
        assertEquals(new Resolved(800, Source.MEMBER_TIER), resolve(new Prices(1000L, null, OVERRIDE_900, List.of(),
                800L)).orElseThrow());
        assertEquals(new Resolved(900, Source.STORE_OVERRIDE), resolve(new Prices(1000L, null, OVERRIDE_900,
                List.of(), 950L)).orElseThrow());
    }

    @Test
    void noHqPriceMeansTheItemCannotBeSold() {
        assertEquals(Optional.empty(), resolve(new Prices(null, null, OVERRIDE_900, List.of(), null)));
    }

    private static Optional<Resolved> resolve(Prices prices) {
        return PriceResolver.resolve(prices, "0001", NOW);
    }
}
