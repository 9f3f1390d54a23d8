package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * HQ's basket preview answers "what did the till charge?" as the till did: a seeded random catalog at HQ
 * (a category tree, unit and weighed products, regional and member-tier prices, price bounds, every promotion
 * type, member-only and coupon ones), a store price and a promotion of the store's own set by its manager,
 * synced to store 0001; then random baskets (units and weighings, with and without a member and coupon) rung
 * up at the till and previewed at HQ give the same lines, savings, tax and totals. Seed printed;
 * {@code -Dequivalence.seed=N}, {@code -Dequivalence.baskets=N}.
 */
class PricingEquivalenceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int UNIT_PRODUCTS = 20;
    private static final int WEIGHED_PRODUCTS = 3;

    @Test
    void hqPricesEveryBasketAsTheTillDid() throws Exception {
        long seed = Long.getLong("equivalence.seed", System.currentTimeMillis() % 100_000);
        int baskets = Integer.getInteger("equivalence.baskets", 30);
        System.out.println("PricingEquivalenceIT seed " + seed + " (replay with -Dequivalence.seed=" + seed + ")");
        Random random = new Random(seed);
        try (RetailSystem system = new RetailSystem("equivalence")) {
            AppProcess hq = system.startHq();
            String url = hq.url();
            AppProcess agent = system.startAgent("0001");
            catalog(url, random);
            // The store may take up to 30% off on its own; where HQ set no bound its manager moves prices 50%.
            ok(Http.put(url + "/api/stores/0001", "{\"code\":\"0001\",\"name\":\"Store 0001\",\"region\":\"E2E\","
                    + "\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":4,\"localPromotionMaxBp\":3000,"
                    + "\"priceOverrideMaxBp\":5000}"));
            Eventually.await("the store is identical to HQ", PATIENCE, () -> Http.get(url
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());

            String manager = Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}")
                    .body().path("token").asText();
            ok(Http.put(agent.url() + "/api/manager/prices/U-3", "{\"priceMinor\":" + (price(3) - 20)
                    + ",\"validFrom\":\"2026-01-01T00:00:00Z\"}", "Authorization", "Bearer " + manager));
            ok(Http.put(agent.url() + "/api/manager/promotions/OWN", "{\"name\":\"Store's own\",\"type\":"
                    + "\"PERCENT_OFF\",\"skus\":[\"U-4\",\"U-5\"],\"percentOffBp\":1500,\"from\":\"2026-01-01T00:00\"}",
                    "Authorization", "Bearer " + manager));
            Eventually.await("HQ holds the store's own price and promotion", PATIENCE, () ->
                    Http.get(url + "/api/stores/0001/price-overrides").body().size() == 1
                            && Http.get(url + "/api/stores/0001/local-promotions").body().size() == 1);

            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
            for (int b = 0; b < baskets; b++) {
                Basket basket = Basket.random(random);
                assertEquals(basket.atHq(url), basket.atTill(till), "basket " + b + " (seed " + seed + "): "
                        + basket);
            }
        }
    }

    /** Everything the baskets are priced from, made at HQ as its staff would. */
    private static void catalog(String url, Random random) {
        ok(Http.put(url + "/api/member-tiers/gold", "{\"name\":\"Gold\"}"));
        ok(Http.put(url + "/api/tax-classes/VAT9", "{\"code\":\"VAT9\",\"name\":\"VAT 9%\",\"rateBp\":900,"
                + "\"inclusive\":true}"));
        ok(Http.put(url + "/api/tax-classes/EXCL6", "{\"code\":\"EXCL6\",\"name\":\"6% on top\",\"rateBp\":600,"
                + "\"inclusive\":false}"));
        // A tree three deep: a promotion on c0 covers c3, two levels below.
        String[][] tree = {{"c0", null}, {"c1", "c0"}, {"c2", "c0"}, {"c3", "c1"}};
        for (String[] category : tree) {
            ok(Http.put(url + "/api/categories/" + category[0], "{\"code\":\"" + category[0] + "\",\"name\":\"类 "
                    + category[0] + "\",\"parent\":" + (category[1] == null ? "null" : "\"" + category[1] + "\"")
                    + ",\"active\":true}"));
        }
        ok(Http.put(url + "/api/brands/b1", "{\"code\":\"b1\",\"name\":\"Brand 1\",\"active\":true}"));
        String[] taxes = {"STD", "VAT9", "EXCL6"};
        for (int i = 1; i <= UNIT_PRODUCTS; i++) {
            ok(Http.put(url + "/api/products/U-" + i, "{\"sku\":\"U-" + i + "\",\"name\":\"商品 " + i + "\","
                    + "\"barcodes\":[\"" + barcode(i) + "\"],\"priceMinor\":" + price(i) + ",\"category\":\"c"
                    + (i % 4) + "\",\"brand\":" + (i % 3 == 0 ? "\"b1\"" : "null") + ",\"taxClass\":\""
                    + taxes[i % 3] + "\"}"));
            if (random.nextInt(4) == 0) {
                ok(Http.put(url + "/api/products/U-" + i + "/regional-prices/E2E", "{\"priceMinor\":"
                        + (price(i) - 10) + "}"));
            }
            if (random.nextInt(4) == 0) {
                ok(Http.put(url + "/api/products/U-" + i + "/tier-prices/gold", "{\"priceMinor\":"
                        + (price(i) - 30) + "}"));
            }
        }
        for (int i = 1; i <= WEIGHED_PRODUCTS; i++) {
            ok(Http.put(url + "/api/products/W-" + i, "{\"sku\":\"W-" + i + "\",\"name\":\"散装 " + i + "\","
                    + "\"priceMinor\":" + (1000 + 390 * i) + ",\"category\":\"c3\",\"taxClass\":\"VAT9\","
                    + "\"measure\":\"WEIGHT\",\"plu\":\"" + plu(i) + "\"}"));
        }
        ok(Http.put(url + "/api/price-bounds/B-3", "{\"id\":\"B-3\",\"sku\":\"U-3\",\"store\":\"0001\","
                + "\"floorMinor\":" + (price(3) - 50) + ",\"ceilingMinor\":" + (price(3) + 50) + "}"));
        ok(Http.put(url + "/api/members/M0001", "{\"cardNo\":\"M0001\",\"phone\":\"13900000001\",\"name\":\"金卡\","
                + "\"tier\":\"gold\",\"pointsBalance\":0,\"offlineRedeemLimit\":0,\"active\":true}"));
        promotion(url, "PCT", "\"type\":\"PERCENT_OFF\",\"items\":{\"categories\":[\"c1\"]},\"percentOffBp\":"
                + (500 + random.nextInt(2000)));
        promotion(url, "AMT", "\"type\":\"AMOUNT_OFF\",\"items\":{\"skus\":[\"U-2\",\"W-1\"]},\"amountOffMinor\":"
                + (10 + random.nextInt(50)));
        promotion(url, "M3P2", "\"type\":\"MULTI_BUY\",\"items\":{\"categories\":[\"c2\"]},\"buyQuantity\":3,"
                + "\"payQuantity\":2");
        promotion(url, "BUNDLE", "\"type\":\"MULTI_BUY\",\"items\":{\"brands\":[\"b1\"]},\"buyQuantity\":2,"
                + "\"bundlePriceMinor\":" + (300 + random.nextInt(200)));
        promotion(url, "B2G1", "\"type\":\"BUY_X_GET_Y\",\"items\":{\"skus\":[\"U-1\",\"U-5\",\"U-9\"]},"
                + "\"buyQuantity\":2,\"getQuantity\":1,\"percentOffBp\":10000");
        promotion(url, "SPEND", "\"type\":\"SPEND_THRESHOLD\",\"items\":{\"categories\":[\"c0\"]},\"spendTiers\":["
                + "{\"spendMinor\":2000,\"saveMinor\":150},{\"spendMinor\":5000,\"saveMinor\":500}]");
        promotion(url, "GOLD", "\"type\":\"PERCENT_OFF\",\"items\":{\"categories\":[\"c3\"]},\"percentOffBp\":800,"
                + "\"memberOnly\":true");
        promotion(url, "COUPON", "\"type\":\"AMOUNT_OFF\",\"items\":{\"skus\":[\"U-6\",\"U-7\"]},\"amountOffMinor\":"
                + "25,\"couponCode\":\"SAVE25\"");
    }

    private static void promotion(String url, String code, String fields) {
        ok(Http.put(url + "/api/promotions/" + code, "{\"code\":\"" + code + "\",\"name\":\"促销 " + code + "\","
                + "\"active\":true," + fields + ",\"targets\":{\"chain\":true},\"schedule\":{\"from\":"
                + "\"2026-01-01T00:00\"},\"priority\":" + code.length() + "}"));
    }

    /** A random basket, rung up at the till and previewed at HQ. */
    private record Basket(List<Line> lines, boolean member, boolean coupon) {

        /** A unit product by barcode and quantity, or a weighed one by PLU and grams. */
        record Line(int product, boolean weighed, int quantity, long grams) {
        }

        static Basket random(Random random) {
            List<Line> lines = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                lines.add(random.nextInt(5) == 0 ? new Line(1 + random.nextInt(WEIGHED_PRODUCTS), true, 1,
                        50 + random.nextInt(2000)) : new Line(1 + random.nextInt(UNIT_PRODUCTS), false,
                        1 + random.nextInt(4), 0));
            }
            return new Basket(lines, random.nextBoolean(), random.nextInt(3) == 0);
        }

        String atTill(Till till) {
            String sale = till.openSale();
            if (member) {
                till.put("/api/till/sales/" + sale + "/member", "{\"cardOrPhone\":\"M0001\"}");
            }
            if (coupon) {
                till.post("/api/till/sales/" + sale + "/coupons", "{\"code\":\"SAVE25\"}");
            }
            JsonNode view = null;
            for (Line line : lines) {
                view = till.post("/api/till/sales/" + sale + "/lines", line.weighed()
                        ? "{\"code\":\"" + plu(line.product()) + "\",\"weightGrams\":" + line.grams() + "}"
                        : "{\"code\":\"" + barcode(line.product()) + "\",\"quantity\":" + line.quantity() + "}");
            }
            till.post("/api/till/sales/" + sale + "/suspend", "");
            StringBuilder priced = new StringBuilder();
            for (JsonNode line : view.path("lines")) {
                priced.append(line(line.path("sku").asText(), line.path("quantity").asLong(),
                        line.path("unitPriceMinor").asLong(), line.path("regularMinor").asLong(),
                        line.path("savingMinor").asLong(), line.path("amountMinor").asLong()));
            }
            return priced + totals(view);
        }

        String atHq(String url) {
            StringBuilder body = new StringBuilder("{\"store\":\"0001\",\"memberTier\":")
                    .append(member ? "\"gold\"" : "null").append(",\"coupons\":")
                    .append(coupon ? "[\"SAVE25\"]" : "[]").append(",\"lines\":[");
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                body.append(i == 0 ? "" : ",").append(line.weighed()
                        ? "{\"sku\":\"W-" + line.product() + "\",\"quantity\":1,\"weightGrams\":" + line.grams() + "}"
                        : "{\"sku\":\"U-" + line.product() + "\",\"quantity\":" + line.quantity() + "}");
            }
            Http.Reply reply = Http.post(url + "/api/pricing/preview", body.append("]}").toString());
            assertEquals(200, reply.status(), reply.body().toString());
            StringBuilder priced = new StringBuilder();
            for (JsonNode line : reply.body().path("lines")) {
                JsonNode basketLine = line.path("line");
                priced.append(line(basketLine.path("sku").asText(), basketLine.path("quantity").asLong(),
                        basketLine.path("unitPriceMinor").asLong(), line.path("regularMinor").asLong(),
                        line.path("savingMinor").asLong(), line.path("amountMinor").asLong()));
            }
            return priced + totals(reply.body());
        }

        private static String line(String sku, long quantity, long unit, long regular, long saving, long amount) {
            return sku + " x" + quantity + " @" + unit + " regular " + regular + " saving " + saving + " amount "
                    + amount + "\n";
        }

        private static String totals(JsonNode basket) {
            return "regular " + basket.path("regularMinor").asLong() + " saving " + basket.path("savingMinor").asLong()
                    + " tax " + basket.path("taxMinor").asLong() + " total " + basket.path("totalMinor").asLong();
        }
    }

    private static long price(int product) {
        return 150 + 37L * product;
    }

    private static String barcode(int product) {
        return Gtin.withCheckDigit(String.format("69777%07d", product));
    }

    private static String plu(int product) {
        return String.format("%05d", 800 + product);
    }

    private static void ok(Http.Reply reply) {
        if (reply.status() != 200 && reply.status() != 204) {
            throw new IllegalStateException(reply.status() + " " + reply.body());
        }
    }
}
