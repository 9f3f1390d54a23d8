package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * An online order for pickup at store 0001 through the real processes: placed at HQ's order centre, received by
 * the store, picked and made ready by its manager, handed over at a till with the pickup code (a sale paid
 * {@code ONLINE}); HQ shows it completed and the stock moved once. Then the same with HQ (and its broker) down
 * between the store receiving the order and handing it over; the lane's Z report then reconciles at HQ.
 */
class OnlineOrderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Test
    void aPickupOrderIsPlacedReceivedPickedAndHandedOverOnlineAndCutOff() throws Exception {
        try (RetailSystem system = new RetailSystem("online-order")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            assertEquals(200, Http.put(hq.url() + "/api/products/OO-1", "{\"sku\":\"OO-1\",\"name\":\"绿茶 Green tea\","
                    + "\"barcodes\":[],\"priceMinor\":450}").status());
            String manager = managerToken(agent);
            Eventually.await("the store sells OO-1 and books 10 in", PATIENCE, () -> Http.post(agent.url()
                    + "/api/stock/OO-1/adjustments", "{\"kind\":\"RECEIVED\",\"quantity\":10,\"note\":\"DN-1\"}",
                    "Authorization", "Bearer " + manager).status() == 200);
            awaitStockAtHq(hq, 10);

            String online = place(hq, "web-e2e-1");
            awaitAtStore(agent, manager, online);
            Eventually.await("HQ hears the store has the order", PATIENCE, () -> "ACCEPTED".equals(order(hq, online)
                    .path("state").asText()));
            pickAndReady(agent, manager, online);
            Till till = new Till(agent, "01", "1001", "1234");
            till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
            JsonNode handedOver = till.post("/api/till/orders/" + order(hq, online).path("pickupCode").asText()
                    + "/handover", "{}");
            assertEquals("HANDED_OVER", handedOver.path("state").asText());
            Eventually.await("HQ shows the order completed", PATIENCE, () -> "COMPLETED".equals(order(hq, online)
                    .path("state").asText()));
            awaitStockAtHq(hq, 8);

            String cutOff = place(hq, "web-e2e-2");
            awaitAtStore(agent, manager, cutOff);
            String pickupCode = order(hq, cutOff).path("pickupCode").asText();
            hq.kill();
            pickAndReady(agent, manager, cutOff);
            till.post("/api/till/orders/" + pickupCode + "/handover", "{}");
            hq.start();
            Eventually.await("HQ shows the order handed over while it was down completed", PATIENCE,
                    () -> "COMPLETED".equals(order(hq, cutOff).path("state").asText()));
            awaitStockAtHq(hq, 6);
            // What the till refuses: the same code again, and the code of an order HQ cancelled.
            assertEquals("ORDER_CLOSED", till.refused("/api/till/orders/" + pickupCode + "/handover", "{}"));
            String cancelled = place(hq, "web-e2e-3");
            awaitAtStore(agent, manager, cancelled);
            pickAndReady(agent, manager, cancelled);
            assertEquals(200, Http.post(hq.url() + "/api/orders/" + cancelled + "/cancel", "{\"reason\":\"customer "
                    + "changed their mind\"}").status());
            Eventually.await("the store has the cancellation", PATIENCE, () -> "CANCELLED".equals(Http.get(
                    agent.url() + "/api/orders/" + cancelled, "Authorization", "Bearer " + manager).body()
                    .path("state").asText()));
            assertEquals("ORDER_CANCELLED", till.refused("/api/till/orders/" + order(hq, cancelled)
                    .path("pickupCode").asText() + "/handover", "{}"));
            awaitStockAtHq(hq, 6);

            // The lane's shift closes with the float in the drawer: the orders were paid online, not in cash.
            till.post("/api/till/shift/close", "{\"counted\":[{\"valueMinor\":10000,\"count\":1}]}");
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            Eventually.await("HQ reconciles the day: two sales paid online, the Z report balanced", PATIENCE, () -> {
                JsonNode day = Http.get(hq.url() + "/api/stores/0001/reconciliation/" + today).body();
                return day.path("ok").asBoolean() && day.path("sales").asInt() == 2
                        && day.path("salesMinor").asLong() == 1800 && day.path("shifts").size() == 1;
            });
            JsonNode day = Http.get(hq.url() + "/api/stores/0001/reconciliation/" + today).body();
            long paidOnline = 0;
            for (JsonNode tender : day.path("shifts").path(0).path("tenders")) {
                if ("ONLINE".equals(tender.path("type").asText())) {
                    paidOnline += tender.path("receivedInMinor").asLong();
                }
            }
            assertEquals(1800, paidOnline, "both orders under the ONLINE tender: " + day);
        }
    }

    private static String place(AppProcess hq, String channelOrderId) {
        Http.Reply placed = Http.post(hq.url() + "/api/orders", "{\"channel\":\"web\",\"channelOrderId\":\""
                + channelOrderId + "\",\"fulfilment\":\"PICKUP\",\"store\":\"0001\",\"customer\":{\"name\":\"李雷\","
                + "\"phone\":\"13800000000\"},\"lines\":[{\"sku\":\"OO-1\",\"quantity\":2}],\"prepaid\":true}");
        assertEquals(201, placed.status(), placed.body().toString());
        assertEquals(900, placed.body().path("totalMinor").asLong());
        return placed.body().path("orderId").asText();
    }

    private static void awaitAtStore(AppProcess agent, String manager, String orderId) throws Exception {
        Eventually.await("store 0001 has order " + orderId, PATIENCE, () -> Http.get(agent.url() + "/api/orders/"
                + orderId, "Authorization", "Bearer " + manager).status() == 200);
    }

    private static void pickAndReady(AppProcess agent, String manager, String orderId) {
        Http.Reply picked = Http.post(agent.url() + "/api/orders/" + orderId + "/pick", "{\"lines\":[{\"lineNo\":1,"
                + "\"picked\":2}]}", "Authorization", "Bearer " + manager);
        assertEquals(200, picked.status(), picked.body().toString());
        Http.Reply ready = Http.post(agent.url() + "/api/orders/" + orderId + "/ready", "", "Authorization",
                "Bearer " + manager);
        assertEquals(200, ready.status(), ready.body().toString());
    }

    private static JsonNode order(AppProcess hq, String orderId) {
        return Http.get(hq.url() + "/api/orders/" + orderId).body();
    }

    private static void awaitStockAtHq(AppProcess hq, long units) throws Exception {
        Eventually.await("HQ books " + units + " of OO-1 at store 0001", PATIENCE, () -> Http.get(hq.url()
                + "/api/stock?store=0001&sku=OO-1").body().path(0).path("quantity").asLong() == units);
    }

    private static String managerToken(AppProcess agent) {
        return Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}").body()
                .path("token").asText();
    }
}
