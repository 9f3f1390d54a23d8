package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lane's day without HQ (docs/architecture.md, "Offline"): HQ and its broker go down, the lane sells 500
 * mixed sales (promotions, a member, returns, split tenders) and closes its shift; HQ comes back and
 * within 10 s holds every event exactly once, and reconciliation finds no gap and the Z report's totals.
 * Seeded (printed); {@code -Doffline.seed=N} replays.
 */
class OfflineDayIT {

    private static final long SEED = Long.getLong("offline.seed", 20261122L);
    private static final int SALES = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String[] BARCODES = new String[4];

    @Test
    void aDaySoldOfflineReachesHqOnceAndReconciles() throws Exception {
        System.out.println("OfflineDayIT seed " + SEED + " (replay with -Doffline.seed=" + SEED + ")");
        Random random = new Random(SEED);
        try (RetailSystem system = new RetailSystem("offline-day")) {
            AppProcess hq = system.startHq();
            setUpChain(hq);
            AppProcess agent = system.startAgent("0001");
            Eventually.await("store identical to HQ", PATIENCE, () -> Http.get(hq.url()
                    + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":50000}");

            hq.close();
            if (system.embeddedBroker()) {
                Eventually.await("agent sees the broker gone", PATIENCE, () -> !Http.get(agent.url() + "/api/sync")
                        .body().path("connected").asBoolean());
            } else {
                System.out.println("(external broker: only HQ is down in this run)");
            }

            List<String> sales = new ArrayList<>();
            int returns = 0;
            for (int i = 1; i <= SALES; i++) {
                String sale = till.openSale();
                JsonNode priced = null;
                for (int line = 0, lines = 1 + random.nextInt(3); line < lines; line++) {
                    priced = till.scan(sale, BARCODES[random.nextInt(BARCODES.length)], 1 + random.nextInt(4));
                }
                if (i % 4 == 0) {
                    priced = till.put("/api/till/sales/" + sale + "/member", "{\"cardOrPhone\":\"M0001\"}");
                }
                long total = priced.path("totalMinor").asLong();
                String tenders = i % 3 == 0
                        ? "{\"type\":\"CARD\",\"amountMinor\":" + total / 2 + "},{\"type\":\"CASH\",\"amountMinor\":"
                                + (total - total / 2 + 100) + "}"
                        : "{\"type\":\"CASH\",\"amountMinor\":" + (total + (i % 5) * 100) + "}";
                till.post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[" + tenders + "]}");
                sales.add(sale);
                if (i % 10 == 5) {
                    till.post("/api/till/returns", "{\"saleId\":\"" + sales.get(sales.size() - 2)
                            + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}");
                    returns++;
                }
            }
            JsonNode x = till.get("/api/till/shift");
            long expected = x.path("expectedCashMinor").asLong();
            JsonNode z = till.post("/api/till/shift/close", "{\"counted\":[{\"valueMinor\":100,\"count\":"
                    + expected / 100 + "},{\"valueMinor\":1,\"count\":" + expected % 100 + "}]}");
            assertEquals(0, z.path("varianceMinor").asLong());
            System.out.printf("lane sold %d sales and %d returns offline; Z %d: sales %d, returns %d%n", SALES,
                    returns, z.path("zNo").asLong(), z.path("salesMinor").asLong(), z.path("returnsMinor").asLong());

            AppProcess back = system.startHq();
            Instant restarted = Instant.now();
            String day = LocalDate.ofInstant(Instant.parse(z.path("closedAt").asText()), ZoneId.of("Asia/Shanghai"))
                    .toString();
            int expectedReturns = returns;
            Eventually.await("HQ holds the day", PATIENCE, () -> {
                JsonNode day0 = Http.get(back.url() + "/api/stores/0001/reconciliation/" + day).body();
                return day0.path("sales").asInt() == SALES && day0.path("returns").asInt() == expectedReturns
                        && day0.path("shifts").size() == 1;
            });
            Duration took = Duration.between(restarted, Instant.now());
            System.out.printf("HQ held all %d events %d ms after it was back%n", SALES + returns + 1, took.toMillis());

            JsonNode reconciled = Http.get(back.url() + "/api/stores/0001/reconciliation/" + day).body();
            assertTrue(reconciled.path("ok").asBoolean(), reconciled.toString());
            assertEquals(z.path("salesMinor").asLong(), reconciled.path("salesMinor").asLong());
            assertEquals(z.path("returnsMinor").asLong(), reconciled.path("returnsMinor").asLong());
            assertEquals(0, reconciled.path("shifts").get(0).path("missingReceipts").size());
            Set<String> atHq = new HashSet<>();
            for (JsonNode sale : Http.get(back.url() + "/api/stores/0001/sales?size=1000").body()) {
                assertTrue(atHq.add(sale.path("saleId").asText()), "sale stored twice: " + sale);
            }
            assertEquals(new HashSet<>(sales), atHq);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) <= 0, "HQ took " + took + " to hold the day");
        }
    }

    private static void setUpChain(AppProcess hq) {
        String url = hq.url();
        ok(Http.put(url + "/api/member-tiers/gold", "{\"name\":\"Gold\"}"));
        long[] prices = {300, 450, 1290, 2500};
        for (int i = 0; i < BARCODES.length; i++) {
            BARCODES[i] = Gtin.withCheckDigit(String.format("697700000%03d", i + 1));
            ok(Http.put(url + "/api/products/P" + i, "{\"sku\":\"P" + i + "\",\"name\":\"商品 " + i
                    + "\",\"barcodes\":[\"" + BARCODES[i] + "\"],\"priceMinor\":" + prices[i] + "}"));
        }
        ok(Http.put(url + "/api/products/P1/tier-prices/gold", "{\"priceMinor\":400}"));
        ok(Http.put(url + "/api/promotions/P0-3FOR2", "{\"code\":\"P0-3FOR2\",\"name\":\"3 for 2\",\"active\":true,"
                + "\"type\":\"MULTI_BUY\",\"items\":{\"skus\":[\"P0\"]},\"buyQuantity\":3,\"payQuantity\":2,"
                + "\"targets\":{\"chain\":true},\"schedule\":{\"from\":\"2026-01-01T00:00\"},\"priority\":1}"));
        ok(Http.put(url + "/api/promotions/SPEND50", "{\"code\":\"SPEND50\",\"name\":\"Spend 50 save 5\","
                + "\"active\":true,\"type\":\"SPEND_THRESHOLD\","
                + "\"spendTiers\":[{\"spendMinor\":5000,\"saveMinor\":500}],"
                + "\"targets\":{\"chain\":true},\"schedule\":{\"from\":\"2026-01-01T00:00\"}}"));
        ok(Http.put(url + "/api/members/M0001", "{\"cardNo\":\"M0001\",\"phone\":\"13800000001\",\"name\":\"会员\","
                + "\"tier\":\"gold\",\"pointsBalance\":0,\"offlineRedeemLimit\":500,\"active\":true}"));
    }

    private static void ok(Http.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.body().toString());
    }
}
