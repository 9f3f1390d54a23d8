package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Delivery orders routed by stock and presence with real stores: with the tea only at store 0002 (the farther
 * one), a delivery goes there; with 0002 offline it is refused, naming why each store was passed over; once 0001
 * has the tea too, it goes to 0001. Bad orders change nothing: an unknown product, more than is free, the same
 * channel order id for other contents. Then 0001 delivers it: picked short, sent out (its goods still on the
 * books, reserved), settled at a till when the driver is back; HQ shows it completed, the tea gone from its book
 * once, and the short pick's difference as a refund due.
 */
class DeliveryRoutingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Test
    void aDeliveryGoesToTheNearestOnlineStoreWithTheStock() throws Exception {
        try (RetailSystem system = new RetailSystem("delivery-routing")) {
            AppProcess hq = system.startHq();
            AppProcess near = system.startAgent("0001");
            AppProcess far = system.startAgent("0002");
            assertEquals(200, Http.put(hq.url() + "/api/products/DR-1", "{\"sku\":\"DR-1\",\"name\":\"普洱茶 Pu'er\","
                    + "\"barcodes\":[],\"priceMinor\":6800}").status());
            // Store 0001 is 1 km from the customer, 0002 3 km; both deliver within 5 km.
            area(hq, "0001", "121.4800");
            area(hq, "0002", "121.5000");
            receive(far, 3);
            Eventually.await("HQ books 0002's tea and sees both stores online", PATIENCE, () -> free(hq, "0002") == 3
                    && online(hq, "0001") && online(hq, "0002"));

            JsonNode first = place(hq, "app-1", 2, 201);
            assertEquals("0002", first.path("store").asText(), "only 0002 has the tea");
            place(hq, "app-1", 2, 200);
            assertEquals("ORDER_ID_REUSED", place(hq, "app-1", 1, 409).path("code").asText());
            assertEquals("UNKNOWN_PRODUCT", Http.post(hq.url() + "/api/orders", delivery("app-x", 1)
                    .replace("DR-1", "DR-404")).body().path("code").asText());
            JsonNode tooMany = place(hq, "app-2", 2, 409);
            assertTrue(tooMany.path("message").asText().contains("0002: 1 of DR-1 available, 2 ordered"),
                    tooMany.toString());

            far.kill();
            Eventually.await("HQ sees store 0002 offline", PATIENCE, () -> !online(hq, "0002"));
            JsonNode refused = place(hq, "app-3", 1, 409);
            assertEquals("NO_STORE_CAN_FULFIL", refused.path("code").asText());
            assertTrue(refused.path("message").asText().contains("0001: 0 of DR-1 available, 1 ordered")
                    && refused.path("message").asText().contains("0002: is offline"), refused.toString());

            receive(near, 5);
            Eventually.await("HQ books 0001's tea", PATIENCE, () -> free(hq, "0001") == 5);
            JsonNode delivery = place(hq, "app-4", 2, 201);
            assertEquals("0001", delivery.path("store").asText());
            assertEquals(2, Http.get(hq.url() + "/api/orders").body().size(), "two orders; nothing refused was kept");

            deliver(hq, near, delivery);
        }
    }

    /** The store picks one tea of two, sends the order out, and a till settles it when the driver is back. */
    private static void deliver(AppProcess hq, AppProcess agent, JsonNode order) throws Exception {
        String orderId = order.path("orderId").asText();
        String manager = managerToken(agent);
        Eventually.await("the store has the order", PATIENCE, () -> Http.get(agent.url() + "/api/orders/" + orderId,
                "Authorization", "Bearer " + manager).status() == 200);
        for (String step : new String[] {"pick", "ready", "out-for-delivery"}) {
            Http.Reply reply = Http.post(agent.url() + "/api/orders/" + orderId + "/" + step, step.equals("pick")
                    ? "{\"lines\":[{\"lineNo\":1,\"picked\":1}]}" : "", "Authorization", "Bearer " + manager);
            assertEquals(200, reply.status(), step + ": " + reply.body());
        }
        Eventually.await("HQ has the order out for delivery", PATIENCE, () -> "OUT_FOR_DELIVERY".equals(Http.get(
                hq.url() + "/api/orders/" + orderId).body().path("state").asText()));
        assertEquals(5, free(hq, "0001"), "on the road the tea is still on the store's books");

        Till till = new Till(agent, "01", "1001", "1234");
        till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
        JsonNode settled = till.post("/api/till/orders/" + order.path("pickupCode").asText() + "/handover", "{}");
        assertEquals("DELIVERED", settled.path("state").asText());
        Eventually.await("HQ shows the delivery completed", PATIENCE, () -> "COMPLETED".equals(Http.get(hq.url()
                + "/api/orders/" + orderId).body().path("state").asText()));
        JsonNode completed = Http.get(hq.url() + "/api/orders/" + orderId).body();
        assertEquals(6800, completed.path("chargedMinor").asLong(), "one tea of two was charged");
        assertEquals(6800, completed.path("refundDueMinor").asLong(), "the other is the channel's to refund");
        Eventually.await("HQ's book has the tea gone once", PATIENCE, () -> free(hq, "0001") == 4);
    }

    private static String managerToken(AppProcess agent) {
        return Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}").body()
                .path("token").asText();
    }

    private static void area(AppProcess hq, String store, String longitude) {
        assertEquals(200, Http.put(hq.url() + "/api/stores/" + store + "/delivery-area", "{\"latitude\":31.2300,"
                + "\"longitude\":" + longitude + ",\"radiusMetres\":5000}").status());
    }

    private static void receive(AppProcess agent, int units) throws Exception {
        String manager = managerToken(agent);
        Eventually.await("the store books the tea in", PATIENCE, () -> Http.post(agent.url()
                + "/api/stock/DR-1/adjustments", "{\"kind\":\"RECEIVED\",\"quantity\":" + units + "}",
                "Authorization", "Bearer " + manager).status() == 200);
    }

    private static long free(AppProcess hq, String store) {
        return Http.get(hq.url() + "/api/stock?store=" + store + "&sku=DR-1").body().path(0).path("quantity")
                .asLong();
    }

    private static boolean online(AppProcess hq, String store) {
        return "online".equals(Http.get(hq.url() + "/api/sync/stores/" + store).body().path("state").asText());
    }

    private static JsonNode place(AppProcess hq, String id, int quantity, int status) {
        Http.Reply reply = Http.post(hq.url() + "/api/orders", delivery(id, quantity));
        assertEquals(status, reply.status(), reply.body().toString());
        return reply.body();
    }

    private static String delivery(String id, int quantity) {
        return "{\"channel\":\"app\",\"channelOrderId\":\"" + id + "\",\"fulfilment\":\"DELIVERY\","
                + "\"customer\":{\"name\":\"韩梅梅\",\"phone\":\"13700000000\"},\"address\":\"上海市黄浦区南京东路 1 号\","
                + "\"latitude\":31.2300,\"longitude\":121.4700,\"lines\":[{\"sku\":\"DR-1\",\"quantity\":" + quantity
                + "}],\"prepaid\":true}";
    }
}
