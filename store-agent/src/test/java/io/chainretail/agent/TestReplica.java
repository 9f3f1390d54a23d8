package io.chainretail.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.core.id.EventIds;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.Targets;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.core.sync.payload.TierPrice;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The replica the checkout tests sell from, applied once per test run through the real applier:
 * water (a member-tier price and a member promotion), juice (2 for 8.00), apples weighed by PLU 00042
 * (1.00 off with coupon C10), and members M0001 (tier GOLD, phone 13800000001, 500 points)
 * and M0002 (GOLD, 100 points).
 */
public final class TestReplica {

    public static final String WATER = "6901234567892";
    public static final String JUICE = "6901234567014";
    /** A scale label: PLU 00042, 384 g. */
    public static final String APPLES_384G = "2500042003840";
    /** A scale label: PLU 00042, price 5.00. */
    public static final String APPLES_5_00 = "2000042005009";

    private TestReplica() {
    }

    /** Signs in cashier 1001 at {@code lane} and makes sure the lane has an open shift; returns the token. */
    public static String signInWithShift(String lane) {
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body("{\"cashier\":\"1001\",\"pin\":\"1234\",\"lane\":\"" + lane + "\"}")
                .post("/api/till/signin").then().statusCode(200).extract().path("token");
        int status = RestAssured.given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"floatMinor\":10000}").post("/api/till/shift/open").then().extract().statusCode();
        assertTrue(status == 200 || status == 409, "shift open: " + status);
        return token;
    }

    /** A store manager's console token (manager 9001). */
    public static String managerToken() {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"id\":\"9001\",\"pin\":\"9999\"}")
                .post("/api/manager/signin").then().statusCode(200).extract().path("token");
    }

    public static synchronized void ensure(FeedApplier applier) {
        if (applier.lastApplied().get("catalog") > 0) {
            return;
        }
        apply(applier, MessageSchema.TAX_CLASS, 1, new TaxClassChange("STD", "Standard", 1300, true));
        apply(applier, MessageSchema.CATEGORY, 2, new CategoryChange("DRINKS", "Drinks", null, true));
        apply(applier, MessageSchema.CATEGORY, 3, new CategoryChange("SOFT", "Soft drinks", "DRINKS", true));
        apply(applier, MessageSchema.PRODUCT, 4, new ProductChange("W-1", "矿泉水 550ml", List.of(WATER), true, "SOFT",
                null, "STD", Measure.UNIT, null));
        apply(applier, MessageSchema.PRODUCT, 5, new ProductChange("J-1", "Orange juice 1l", List.of(JUICE), true,
                "DRINKS", null, "STD", Measure.UNIT, null));
        apply(applier, MessageSchema.PRODUCT, 6, new ProductChange("A-1", "Apples", List.of(), true, null, null, "STD",
                Measure.WEIGHT, "00042"));
        apply(applier, MessageSchema.STORE, 7, new StoreChange("0001", "Test store", "EAST", "Asia/Shanghai", "CNY",
                List.of(), 4));
        apply(applier, MessageSchema.CHAIN_PRICE, 1, new ChainPrice("W-1", 150, "CNY"));
        apply(applier, MessageSchema.CHAIN_PRICE, 2, new ChainPrice("J-1", 450, "CNY"));
        apply(applier, MessageSchema.CHAIN_PRICE, 3, new ChainPrice("A-1", 1290, "CNY"));
        apply(applier, MessageSchema.TIER_PRICE, 4, new TierPrice("W-1", "GOLD", 120, "CNY", false));
        apply(applier, MessageSchema.MEMBER, 1, new MemberChange("M0001", "13800000001", "张三", "GOLD", 500, 100,
                true));
        apply(applier, MessageSchema.MEMBER, 2, new MemberChange("M0002", "13800000002", "李四", "GOLD", 100, 100,
                true));
        apply(applier, MessageSchema.PROMOTION, 1, promotion("JUICE2", PromotionType.MULTI_BUY, "J-1", null, null,
                2, 800L, false, null));
        apply(applier, MessageSchema.PROMOTION, 2, promotion("GOLD5", PromotionType.PERCENT_OFF, "W-1", 500, null,
                null, null, true, null));
        apply(applier, MessageSchema.PROMOTION, 3, promotion("APPLE1", PromotionType.AMOUNT_OFF, "A-1", null, 100L,
                null, null, false, "C10"));
    }

    /** HQ lets store 0001 run its own promotions up to {@code maxBp} off (the next catalog delta). */
    public static synchronized void allowLocalPromotions(FeedApplier applier, int maxBp) {
        apply(applier, MessageSchema.STORE, applier.lastApplied().get("catalog") + 1, new StoreChange("0001",
                "Test store", "EAST", "Asia/Shanghai", "CNY", List.of(), 4, maxBp, null));
    }

    /** HQ lets store 0001's manager move a price at most {@code maxBp} where it set no bound (the next delta). */
    public static synchronized void limitManagerPrices(FeedApplier applier, Integer maxBp) {
        apply(applier, MessageSchema.STORE, applier.lastApplied().get("catalog") + 1, new StoreChange("0001",
                "Test store", "EAST", "Asia/Shanghai", "CNY", List.of(), 4, null, maxBp));
    }

    private static Promotion promotion(String code, PromotionType type, String sku, Integer percent, Long amount,
            Integer buy, Long bundle, boolean memberOnly, String coupon) {
        return new Promotion(code, 1, code, true, type, new ItemScope(List.of(sku), null, null), percent, amount, buy,
                null, bundle, null, null, null, memberOnly, coupon, Targets.CHAIN,
                new Schedule(LocalDateTime.of(2026, 1, 1, 0, 0), null, null, null, null), 0, null);
    }

    private static void apply(FeedApplier applier, MessageSchema schema, long seq, Object payload) {
        Envelope<?> delta = new Envelope<>(schema, EventIds.next(), "demo", null, seq, null, Instant.now(), payload);
        assertEquals(FeedApplier.Result.APPLIED, applier.apply(delta), schema + " " + seq);
    }
}
