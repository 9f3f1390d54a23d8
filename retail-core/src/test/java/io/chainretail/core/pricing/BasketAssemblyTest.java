package io.chainretail.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A line's regular price the one way HQ and the till share: label, else by weight, else per unit. */
class BasketAssemblyTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Tax STD = new Tax("STD", 1300, true);
    private static final ProductPricing APPLES = new ProductPricing("A-1", "Apples", List.of("FRUIT"), null, STD,
            true, new PriceResolver.Prices(1290L, null, null, List.of(), null));
    private static final ProductPricing WATER = new ProductPricing("W-1", "Water", List.of("DRINKS"), null, STD,
            false, new PriceResolver.Prices(150L, null, null, List.of(), null));

    @Test
    void labelThenWeightThenUnitPrice() {
        assertEquals(500, BasketAssembly.line(new BasketItem(1, "A-1", 1, 500L, null), APPLES, "0001", NOW)
                .regularMinor(), "a price label says what the item costs");
        assertEquals(495, BasketAssembly.line(new BasketItem(2, "A-1", 1, null, 384L), APPLES, "0001", NOW)
                .regularMinor(), "384 g at 12.90/kg");
        assertEquals(450, BasketAssembly.line(new BasketItem(3, "W-1", 3, null, null), WATER, "0001", NOW)
                .regularMinor());
    }

    @Test
    void anItemSoldByWeightNeedsItsWeightOrLabel() {
        Refusal refused = assertThrows(Refusal.class, () -> BasketAssembly.line(new BasketItem(1, "A-1", 1, null,
                null), APPLES, "0001", NOW));
        assertEquals(ErrorCode.WEIGHT_NEEDED, refused.code());
    }

    @Test
    void categoryAncestryStopsAtTheRootAndAtALoop() {
        Map<String, String> parents = Map.of("SOFT", "DRINKS", "DRINKS", "FOOD");
        assertEquals(List.of("SOFT", "DRINKS", "FOOD"), BasketAssembly.ancestry("SOFT", parents::get));
        Map<String, String> loop = Map.of("A", "B", "B", "A");
        assertEquals(List.of("A", "B"), BasketAssembly.ancestry("A", loop::get));
    }
}
