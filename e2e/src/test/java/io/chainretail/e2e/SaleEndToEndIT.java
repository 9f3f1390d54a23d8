package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.sync.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One sale across every part of the system: a product created at HQ reaches the store through the
 * broker, is sold at a till, and arrives at HQ exactly once, also across a kill -9 of the store agent.
 */
class SaleEndToEndIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Random RANDOM = new Random();

    private static RetailSystem system;
    private static AppProcess hq;
    private static AppProcess agent;
    private static AppProcess pos;

    @BeforeAll
    static void startSystem() throws Exception {
        system = new RetailSystem("sale");
        hq = system.startHq();
        agent = system.startAgent("0001");
        pos = system.startPos(agent, "01");
        System.out.printf("E2E on %s, broker %s%n", system.onPostgres() ? "PostgreSQL" : "H2", system.brokerUrl());
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCashierHqGivesATillIdSignsInAtTheStore() throws Exception {
        assertEquals(200, Http.put(hq.url() + "/api/users/e2e.cashier", "{\"displayName\":\"E2E cashier\","
                + "\"role\":\"cashier\",\"store\":\"0001\"}").status());
        assertEquals(200, Http.put(hq.url() + "/api/users/e2e.cashier/till", "{\"tillId\":\"7001\","
                + "\"pin\":\"2580\"}").status());
        String lane = Lanes.key(agent, "03");
        Eventually.await("the store's tills know cashier 7001", PATIENCE, () -> Http.post(agent.url()
                + "/api/till/signin", "{\"cashier\":\"7001\",\"pin\":\"2580\",\"lane\":\"03\"}", "X-Lane-Key", lane)
                .status() == 200);
        assertEquals(401, Http.post(agent.url() + "/api/till/signin", "{\"cashier\":\"7001\",\"pin\":\"0000\","
                + "\"lane\":\"03\"}", "X-Lane-Key", lane).status());
        assertEquals("LANE_NOT_PAIRED", Http.post(agent.url() + "/api/till/signin", "{\"cashier\":\"7001\","
                + "\"pin\":\"2580\",\"lane\":\"04\"}").body().path("code").asText(),
                "an unpaired lane signs no one in");
    }

    @Test
    void aProductCreatedAtHqIsSoldAtTheTillAndTheSaleReachesHqOnce() throws Exception {
        String barcode = createProductAtHq("矿泉水 550ml", 150);
        awaitAtStore(barcode);

        signIn();
        String saleId = sell(barcode, 2, 1000);

        awaitSaleAtHq(saleId);
        awaitBacklogAcknowledged();
        assertEquals(1, countAtHq(saleId), "the sale is stored at HQ exactly once");
        JsonNode sale = findAtHq(saleId);
        assertEquals(300, sale.path("totalMinor").asLong());
    }

    @Test
    void aSaleCompletedJustBeforeTheAgentIsKilledStillReachesHqOnce() throws Exception {
        String barcode = createProductAtHq("Orange Juice 1L", 1290);
        awaitAtStore(barcode);
        signIn();

        String saleId = sell(barcode, 1, 2000);
        agent.kill();
        agent.start();

        awaitSaleAtHq(saleId);
        awaitBacklogAcknowledged();
        assertEquals(1, countAtHq(saleId), "delivered once after the crash and the resend");
    }

    @Test
    void aCashierKeepsTheirSessionAndOpenBasketAcrossAKillOfTheAgent() throws Exception {
        String barcode = createProductAtHq("Jasmine tea 500ml", 450);
        awaitAtStore(barcode);
        signIn();
        Http.Reply scan = Http.post(pos.url() + "/api/sale/scan", "{\"code\":\"" + barcode + "\",\"quantity\":3}");
        assertEquals(200, scan.status(), scan.body().toString());
        Eventually.await("the basket is on the agent's disk", PATIENCE, () -> basketsUnwritten() == 0);

        agent.kill();
        agent.start();

        Http.Reply state = Http.get(pos.url() + "/api/state");
        assertEquals(200, state.status(), state.body().toString());
        assertTrue(state.body().toString().contains(barcode), "the basket is back: " + state.body());
        Http.Reply paid = Http.post(pos.url() + "/api/sale/pay-cash", "{\"amountMinor\":2000}");
        assertEquals(200, paid.status(), "the cashier goes on without signing in again: " + paid.body());
        assertEquals("COMPLETED", paid.body().path("status").asText());
        assertEquals(1350, paid.body().path("totalMinor").asLong(), paid.body().toString());
        awaitSaleAtHq(paid.body().path("saleId").asText());
    }

    private double basketsUnwritten() {
        return Http.get(agent.url() + "/q/metrics").body().asText().lines()
                .filter(line -> line.startsWith("agent_baskets_unwritten "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(-1);
    }

    @Test
    void malformedFeedMessagesAreRejectedAndCountedAndValidDeltasStillApply() throws Exception {
        long rejectedBefore = Http.get(agent.url() + "/api/sync").body().path("rejectedMessages").asLong();
        Topics topics = new Topics(system.chain());
        try (PahoMqttLink intruder = new PahoMqttLink(system.hqBroker().settings("e2e-intruder-"
                + RANDOM.nextInt(1_000_000)).withSessionExpiry(Duration.ZERO))) {
            intruder.start();
            Eventually.await("the test client is connected", PATIENCE, intruder::isConnected);
            for (String garbage : garbage(system.chain())) {
                intruder.publish(topics.feed("catalog"), garbage.getBytes(StandardCharsets.UTF_8), false)
                        .get(10, TimeUnit.SECONDS);
            }
        }
        Eventually.await("the agent counted three rejected messages", PATIENCE, () -> Http.get(agent.url()
                + "/api/sync").body().path("rejectedMessages").asLong() >= rejectedBefore + 3);

        String barcode = createProductAtHq("Green tea 500ml", 350);
        awaitAtStore(barcode);
        assertEquals(350, Http.get(agent.url() + "/api/products/by-barcode/" + barcode).body().path("priceMinor")
                .asLong());
    }

    /** Not JSON; an unknown schema; a valid delta of another chain. */
    private static String[] garbage(String chain) {
        String id = "\"id\":\"01a200b5-0000-7000-8000-000000000000\"";
        return new String[] {
            "not json at all",
            "{\"schema\":\"catalog.product.v99\"," + id + ",\"chain\":\"" + chain
                    + "\",\"seq\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}",
            "{\"schema\":\"catalog.product.v1\"," + id + ",\"chain\":\"another-chain\",\"seq\":999999,"
                    + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"sku\":\"EVIL\",\"name\":\"x\","
                    + "\"barcodes\":[],\"active\":true}}",
        };
    }

    private static String createProductAtHq(String name, long priceMinor) {
        String barcode = Gtin.withCheckDigit("480" + String.format("%09d", RANDOM.nextInt(1_000_000_000)));
        String sku = "E2E-" + barcode;
        Http.Reply reply = Http.post(hq.url() + "/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"" + name
                + "\",\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":" + priceMinor + "}");
        assertEquals(200, reply.status(), reply.body().toString());
        return barcode;
    }

    private static void awaitAtStore(String barcode) throws InterruptedException {
        Eventually.await("the store has product " + barcode, PATIENCE,
                () -> Http.get(agent.url() + "/api/products/by-barcode/" + barcode).status() == 200);
    }

    private static void signIn() {
        Http.Reply reply = Http.post(pos.url() + "/api/signin", "{\"cashier\":\"1001\",\"pin\":\"1234\"}");
        assertEquals(200, reply.status(), reply.body().toString());
        assertTrue(reply.body().path("token").isMissingNode(), "the page never sees the session token");
        Http.Reply shift = Http.post(pos.url() + "/api/shift/open", "{\"floatMinor\":20000}");
        assertTrue(shift.status() == 200 || "SHIFT_ALREADY_OPEN".equals(shift.body().path("code").asText()),
                shift.body().toString());
    }

    private static String sell(String barcode, int quantity, long cashMinor) {
        Http.Reply scan = Http.post(pos.url() + "/api/sale/scan", "{\"code\":\"" + barcode + "\",\"quantity\":"
                + quantity + "}");
        assertEquals(200, scan.status(), scan.body().toString());
        Http.Reply paid = Http.post(pos.url() + "/api/sale/pay-cash", "{\"amountMinor\":" + cashMinor + "}");
        assertEquals(200, paid.status(), paid.body().toString());
        assertEquals("COMPLETED", paid.body().path("status").asText());
        return paid.body().path("saleId").asText();
    }

    private static void awaitSaleAtHq(String saleId) throws InterruptedException {
        Eventually.await("HQ has sale " + saleId, PATIENCE, () -> countAtHq(saleId) > 0);
    }

    private static long countAtHq(String saleId) {
        long count = 0;
        for (JsonNode sale : Http.get(hq.url() + "/api/stores/0001/sales?size=1000").body()) {
            if (saleId.equals(sale.path("saleId").asText())) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode findAtHq(String saleId) {
        for (JsonNode sale : Http.get(hq.url() + "/api/stores/0001/sales?size=1000").body()) {
            if (saleId.equals(sale.path("saleId").asText())) {
                return sale;
            }
        }
        throw new AssertionError("no sale " + saleId);
    }

    /**
     * Waits until HQ has acknowledged everything the store sent: nothing is left to resend, so what HQ holds
     * now is final (a count checked any earlier could still grow).
     */
    private void awaitBacklogAcknowledged() throws Exception {
        Eventually.await("HQ acknowledged every event of the store", Duration.ofSeconds(30),
                () -> Http.get(agent.url() + "/api/sync").body().path("uplinkBacklog").asLong() == 0);
    }
}
