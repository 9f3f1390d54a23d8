package io.chainretail.core.sync.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainretail.core.error.InvalidField;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules the feed payloads enforce, named by field, the same at HQ's API and at the store. */
class PayloadRulesTest {

    @Test
    void pricesAreNotNegative() {
        assertField("priceMinor", () -> new ChainPrice("A", -1, "CNY"));
        assertField("priceMinor", () -> new RegionalPrice("A", "north", -1, "CNY", false));
        assertField("currency", () -> new TierPrice("A", "gold", 1, "XYZ", false));
    }

    @Test
    void boundsHaveAFloorAtMostTheCeilingOrADeviation() {
        new PriceBounds("b1", "A", "0001", 100L, 200L, null, null, null, false);
        new PriceBounds("b2", "A", null, null, null, 1000, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), false);
        assertField("floorMinor", () -> new PriceBounds("b1", "A", "0001", 300L, 200L, null, null, null, false));
        assertField("maxDeviationBp", () -> new PriceBounds("b1", "A", "0001", 100L, null, 500, null, null, false));
        assertField("floorMinor", () -> new PriceBounds("b1", "A", "0001", null, null, null, null, null, false));
        assertField("validTo", () -> new PriceBounds("b1", "A", null, 1L, null, null,
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), false));
    }

    @Test
    void productsNeedValidBarcodesATaxClassAndAPluWhenWeighed() {
        assertField("barcodes[1]", () -> new ProductChange("A", "x", List.of("4006381333931", "4006381333932"), true,
                null, null, "VAT13", Measure.UNIT, null));
        assertField("taxClass", () -> new ProductChange("A", "x", List.of(), true, null, null, null, Measure.UNIT,
                null));
        assertField("plu", () -> new ProductChange("A", "x", List.of(), true, null, null, "VAT9", Measure.WEIGHT,
                null));
        assertEquals(List.of("4006381333931", "6901234567892"), new ProductChange("A", "x",
                List.of("6901234567892", "4006381333931"), true, null, null, "VAT13", Measure.UNIT, null).barcodes());
    }

    @Test
    void storesNeedARealTimeZoneAndHours() {
        assertField("timezone", () -> new StoreChange("0001", "x", "north", "Mars/Base", "CNY", List.of(), 2));
        assertField("region", () -> new StoreChange("0001", "x", null, "Asia/Shanghai", "CNY", List.of(), 2));
    }

    private static void assertField(String field, Runnable invalid) {
        InvalidField e = assertThrows(InvalidField.class, invalid::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}
