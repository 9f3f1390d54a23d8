package io.chainretail.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.SpendTier;
import io.chainretail.core.promotion.Targets;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random baskets under random promotions (seed printed; {@code -Dpricing.seed=N} replays one):
 * no line below zero or above its regular price, the trace adds up, and the result is the same at HQ
 * (the promotions as HQ holds them) and at a store (the promotions as they arrive through the sync
 * codec, lines in another scan order).
 */
class RandomBasketsTest {

    private static final long SEED = Long.getLong("pricing.seed", 20261122L);
    private static final Tax[] TAXES = {new Tax("STD", 1300, true), new Tax("SALES", 825, false),
        new Tax("ZERO", 0, true)};
    private static final String[] CATEGORIES = {"DRINKS", "SNACKS", "FRESH", "HOME"};
    private static final String[] BRANDS = {"ACME", "BEST", "CORE"};

    private final PromotionEngine engine = new PromotionEngine();
    private final SyncCodec codec = new SyncCodec();

    @Test
    void tenThousandRandomBaskets() throws MalformedMessageException {
        System.out.println("RandomBasketsTest seed " + SEED + " (replay with -Dpricing.seed=" + SEED + ")");
        Random random = new Random(SEED);
        for (int basketNo = 0; basketNo < 10_000; basketNo++) {
            List<Promotion> atHq = promotions(random);
            List<Promotion> atStore = new ArrayList<>();
            for (Promotion promotion : atHq) {
                atStore.add(codec.readPayload(codec.payloadJson(promotion), Promotion.class));
            }
            List<BasketLine> lines = lines(random);
            PricingContext context = context(random);
            String where = "seed " + SEED + ", basket " + basketNo;

            PricedBasket hq = engine.price(lines, context, atHq);
            List<BasketLine> scannedOtherwise = new ArrayList<>(lines);
            Collections.shuffle(scannedOtherwise, random);
            PricedBasket store = engine.price(scannedOtherwise, context, atStore);

            assertEquals(hq.totalMinor(), store.totalMinor(), where);
            assertEquals(hq.savingMinor(), store.savingMinor(), where);
            assertEquals(hq.taxMinor(), store.taxMinor(), where);
            assertEquals(hq.promotions(), store.promotions(), where);
            assertEquals(byLine(hq), byLine(store), where);
            checkInvariants(hq, where);
        }
    }

    private static List<PricedLine> byLine(PricedBasket basket) {
        List<PricedLine> lines = new ArrayList<>(basket.lines());
        lines.sort((a, b) -> Integer.compare(a.line().lineNo(), b.line().lineNo()));
        return lines;
    }

    private static void checkInvariants(PricedBasket basket, String where) {
        long saved = 0;
        for (PricedLine line : basket.lines()) {
            assertTrue(line.amountMinor() >= 0, where + ": negative line " + line);
            assertTrue(line.amountMinor() <= line.regularMinor(), where + ": line above its price " + line);
            long traced = line.adjustments().stream().mapToLong(Adjustment::savingMinor).sum();
            assertEquals(line.savingMinor(), traced, where + ": trace does not add up on " + line);
            assertEquals(line.line().tax().payable(line.amountMinor()), line.payableMinor(), where);
            saved += line.savingMinor();
        }
        assertEquals(saved, basket.savingMinor(), where);
        assertEquals(saved, basket.promotions().stream().mapToLong(PricedBasket.AppliedPromotion::savingMinor).sum(),
                where);
        assertTrue(basket.totalMinor() >= 0, where);
    }

    private static List<BasketLine> lines(Random random) {
        List<BasketLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int lineNo = 1; lineNo <= count; lineNo++) {
            int item = random.nextInt(12);
            boolean weighed = item >= 10;
            String category = CATEGORIES[item % CATEGORIES.length];
            lines.add(new BasketLine(lineNo, "SKU-" + item, List.of(category + "-SUB", category),
                    item % 4 == 3 ? null : BRANDS[item % BRANDS.length], weighed ? 1 : 1 + random.nextInt(6),
                    random.nextInt(5) == 0 ? random.nextInt(100) : random.nextInt(20_000), weighed,
                    TAXES[item % TAXES.length]));
        }
        return lines;
    }

    private static PricingContext context(Random random) {
        LocalDateTime at = LocalDateTime.of(2026, 11, 16 + random.nextInt(7), random.nextInt(24), random.nextInt(60));
        Set<String> coupons = random.nextBoolean() ? Set.of("C1") : Set.of();
        return new PricingContext("0001", "NORTH", at, random.nextBoolean() ? "GOLD" : null, coupons);
    }

    private static List<Promotion> promotions(Random random) {
        List<Promotion> promotions = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            promotions.add(promotion("P" + i, random));
        }
        return promotions;
    }

    private static Promotion promotion(String code, Random random) {
        PromotionType type = PromotionType.values()[random.nextInt(PromotionType.values().length)];
        Integer percent = null;
        Long amount = null;
        Integer buy = null;
        Integer pay = null;
        Long bundle = null;
        Integer get = null;
        ItemScope getItems = null;
        List<SpendTier> tiers = List.of();
        switch (type) {
            case PERCENT_OFF -> percent = 1 + random.nextInt(10_000);
            case AMOUNT_OFF -> amount = 1L + random.nextInt(3_000);
            case MULTI_BUY -> {
                buy = 2 + random.nextInt(3);
                if (random.nextBoolean()) {
                    pay = 1 + random.nextInt(buy - 1);
                } else {
                    bundle = (long) random.nextInt(30_000);
                }
            }
            case BUY_X_GET_Y -> {
                buy = 1 + random.nextInt(3);
                get = 1 + random.nextInt(2);
                percent = 1 + random.nextInt(10_000);
                getItems = random.nextBoolean() ? null : scope(random);
            }
            default -> {
                long spend = 1 + random.nextInt(20_000);
                long save = 1 + random.nextInt((int) spend);
                tiers = List.of(new SpendTier(spend, save), new SpendTier(spend * 2, spend + save));
            }
        }
        Schedule schedule = random.nextInt(4) == 0
                ? new Schedule(LocalDateTime.of(2026, 1, 1, 0, 0), null, List.of(DayOfWeek.SATURDAY),
                        LocalTime.of(9, 0), LocalTime.of(18, 0))
                : new Schedule(LocalDateTime.of(2026, 1, 1, 0, 0), null, List.of(), null, null);
        String[] groups = {null, "G1", "G2"};
        return new Promotion(code, 1 + random.nextInt(5), code, random.nextInt(10) > 0, type, scope(random), percent,
                amount, buy, pay, bundle, get, getItems, tiers, random.nextInt(4) == 0,
                random.nextInt(5) == 0 ? "C1" : null, Targets.CHAIN, schedule, random.nextInt(4),
                groups[random.nextInt(groups.length)]);
    }

    private static ItemScope scope(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> ItemScope.ALL;
            case 1 -> new ItemScope(List.of("SKU-" + random.nextInt(12), "SKU-" + random.nextInt(12)), null, null);
            case 2 -> new ItemScope(null, List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]), null);
            default -> new ItemScope(null, null, List.of(BRANDS[random.nextInt(BRANDS.length)]));
        };
    }
}
