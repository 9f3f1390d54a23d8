package io.chainretail.core.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.error.InvalidField;
import io.chainretail.core.sync.SyncCodec;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionTest {

    private static final Schedule ALWAYS = new Schedule(LocalDateTime.parse("2026-01-01T00:00"), null, null, null,
            null);

    @Test
    void everyTypeIsValidWithItsOwnFields() {
        List<Promotion> valid = List.of(percentOff(1500),
                promotion(PromotionType.AMOUNT_OFF, null, 100L, null, null, null, null, List.of()),
                promotion(PromotionType.MULTI_BUY, null, null, 3, 2, null, null, List.of()),
                promotion(PromotionType.MULTI_BUY, null, null, 2, null, 1000L, null, List.of()),
                promotion(PromotionType.BUY_X_GET_Y, 10_000, null, 2, null, null, 1, List.of()),
                promotion(PromotionType.SPEND_THRESHOLD, null, null, null, null, null, null,
                        List.of(new SpendTier(10_000, 1_500), new SpendTier(20_000, 4_000))));
        // Each was made whole, with its own fields and none of another type's.
        assertEquals(List.of(PromotionType.PERCENT_OFF, PromotionType.AMOUNT_OFF, PromotionType.MULTI_BUY,
                PromotionType.MULTI_BUY, PromotionType.BUY_X_GET_Y, PromotionType.SPEND_THRESHOLD),
                valid.stream().map(Promotion::type).toList());
        assertEquals(1500, valid.get(0).percentOffBp());
        assertEquals(100L, valid.get(1).amountOffMinor());
        assertEquals(2, valid.get(2).payQuantity());
        assertEquals(1000L, valid.get(3).bundlePriceMinor());
        assertEquals(1, valid.get(4).getQuantity());
        assertEquals(2, valid.get(5).spendTiers().size());
    }

    @Test
    void aFieldOfAnotherTypeOrAMissingOneIsNamed() {
        assertField("amountOffMinor", () -> promotion(PromotionType.PERCENT_OFF, 1000, 5L, null, null, null, null,
                List.of()));
        assertField("percentOffBp", () -> percentOff(0));
        assertField("percentOffBp", () -> percentOff(10_001));
        assertField("payQuantity", () -> promotion(PromotionType.MULTI_BUY, null, null, 3, 2, 500L, null, List.of()));
        assertField("payQuantity", () -> promotion(PromotionType.MULTI_BUY, null, null, 3, 3, null, null, List.of()));
        assertField("getQuantity", () -> promotion(PromotionType.BUY_X_GET_Y, 10_000, null, 2, null, null, null,
                List.of()));
        assertField("spendTiers[1].spendMinor", () -> promotion(PromotionType.SPEND_THRESHOLD, null, null, null,
                null, null, null, List.of(new SpendTier(10_000, 1_000), new SpendTier(5_000, 2_000))));
        assertField("spendTiers[0].saveMinor", () -> promotion(PromotionType.SPEND_THRESHOLD, null, null, null,
                null, null, null, List.of(new SpendTier(100, 200))));
    }

    @Test
    void targetsAreTheChainOrNamedPlaces() {
        assertTrue(Targets.CHAIN.includes("0001", "north"));
        Targets north = new Targets(false, List.of("north"), List.of("0042"));
        assertTrue(north.includes("0001", "north"));
        assertTrue(north.includes("0042", "south"));
        assertFalse(north.includes("0001", "south"));
        assertField("chain", () -> new Targets(false, List.of(), List.of()));
        assertField("chain", () -> new Targets(true, List.of("north"), List.of()));
    }

    @Test
    void aScheduleRunsInLocalTimeOnItsDaysAndHours() {
        Schedule happyHour = new Schedule(LocalDateTime.parse("2026-11-01T00:00"),
                LocalDateTime.parse("2026-12-01T00:00"), List.of(DayOfWeek.FRIDAY), LocalTime.of(17, 0),
                LocalTime.of(19, 0));
        assertTrue(happyHour.isActiveAt(LocalDateTime.parse("2026-11-20T17:30")));
        assertFalse(happyHour.isActiveAt(LocalDateTime.parse("2026-11-20T19:00")));
        assertFalse(happyHour.isActiveAt(LocalDateTime.parse("2026-11-21T17:30")));
        assertFalse(happyHour.isActiveAt(LocalDateTime.parse("2026-12-04T17:30")));
        assertField("to", () -> new Schedule(LocalDateTime.parse("2026-11-01T00:00"),
                LocalDateTime.parse("2026-10-01T00:00"), null, null, null));
    }

    @Test
    void roundTripsThroughTheFeedCodec() throws Exception {
        Promotion promotion = percentOff(1500);
        SyncCodec codec = new SyncCodec();
        assertEquals(promotion, codec.readPayload(codec.payloadJson(promotion), Promotion.class));
    }

    private static Promotion percentOff(int bp) {
        return promotion(PromotionType.PERCENT_OFF, bp, null, null, null, null, null, List.of());
    }

    private static Promotion promotion(PromotionType type, Integer percentOffBp, Long amountOffMinor,
            Integer buyQuantity, Integer payQuantity, Long bundlePriceMinor, Integer getQuantity,
            List<SpendTier> tiers) {
        return new Promotion("P1", 1, "Test", true, type, new ItemScope(List.of(), List.of("drinks"), List.of()),
                percentOffBp, amountOffMinor, buyQuantity, payQuantity, bundlePriceMinor, getQuantity, null, tiers,
                false, null, Targets.CHAIN, ALWAYS, 10, null);
    }

    private static void assertField(String field, Runnable invalid) {
        InvalidField e = assertThrows(InvalidField.class, invalid::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}
