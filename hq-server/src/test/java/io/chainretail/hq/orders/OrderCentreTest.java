package io.chainretail.hq.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.hq.TestStore;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.chainretail.core.time.MovableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order centre: placing once per channel order id, routing by stock and distance, the order reaching its store
 * on the store's topic, and the store's journal moving it on and its stock out once.
 */
@QuarkusTest
@TestSecurity(user = "channel-test", roles = "hq-staff")
class OrderCentreTest {

    private static final AtomicLong POSITION = new AtomicLong();
    private static boolean stocked;

    private final SyncCodec codec = new SyncCodec();

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    @Inject
    EntityManager entities;

    @Inject
    OrderDispatch dispatch;

    @BeforeEach
    @TestSecurity(user = "test-admin", roles = "hq-admin")
    void chainWithThreeStores() throws Exception {
        if (stocked) {
            return;
        }
        put("/api/tax-classes/VAT13", "{\"code\":\"VAT13\",\"name\":\"VAT 13%\",\"rateBp\":1300,\"inclusive\":true}");
        put("/api/products/OR-1", "{\"sku\":\"OR-1\",\"name\":\"Oolong tea 乌龙茶\",\"barcodes\":[],\"priceMinor\":1000,"
                + "\"taxClass\":\"VAT13\"}");
        put("/api/products/OR-2", "{\"sku\":\"OR-2\",\"name\":\"Rice crackers\",\"barcodes\":[],\"priceMinor\":500,"
                + "\"taxClass\":\"VAT13\"}");
        // Three stores on a line going east: O-1 where the customer is, but it does not deliver; O-2 nearest the
        // customer of those that do, then O-3.
        for (String[] store : new String[][] {{"O-1", "31.00", "null"}, {"O-2", "31.01", "10000"},
            {"O-3", "31.05", "10000"}}) {
            put("/api/stores/" + store[0], "{\"code\":\"" + store[0] + "\",\"name\":\"Store " + store[0] + "\"}");
            put("/api/stores/" + store[0] + "/delivery-area", "{\"latitude\":30.0,\"longitude\":" + store[1]
                    + ",\"radiusMetres\":" + store[2] + "}");
            online(store[0], true);
        }
        receive("O-1", "OR-1", 5);
        receive("O-1", "OR-2", 10);
        receive("O-3", "OR-1", 4);
        stocked = true;
    }

    @Test
    void placesAPickupOnceAndReservesItsStock() {
        String order = pickup("web-1", 3);
        place(order).statusCode(201).body("store", equalTo("O-1")).body("pickupCode", matchesPattern("\\d{8}"))
                .body("totalMinor", equalTo(3000)).body("lines[0].name", equalTo("Oolong tea 乌龙茶"))
                .body("changes[0].state", equalTo("PLACED")).body("changes[0].by", equalTo("channel-test"));
        place(order).statusCode(200).body("channelOrderId", equalTo("web-1"));
        place(pickup("web-1", 2)).statusCode(409).body("code", equalTo("ORDER_ID_REUSED"));
        place(pickup("web-2", 3)).statusCode(409).body("code", equalTo("NOT_ENOUGH_STOCK"))
                .body("message", containsString("2 of OR-1 available, 3 ordered"));
        cancel(place(pickup("web-3", 2)).statusCode(201).extract().path("orderId"));
        given().queryParam("channel", "web").get("/api/orders?store=O-1&state=CANCELLED").then().statusCode(200)
                .body("find { it.channelOrderId == 'web-3' }.state", equalTo("CANCELLED"));
        place(pickup("web-4", 2)).statusCode(201);
    }

    @Test
    void routesADeliveryToTheNearestOnlineStoreWithTheStock() {
        place(delivery("app-1", "OR-1", 1)).statusCode(201).body("store", equalTo("O-3"));
        online("O-3", false);
        try {
            place(delivery("app-2", "OR-1", 1)).statusCode(409).body("code", equalTo("NO_STORE_CAN_FULFIL"))
                    .body("message", containsString("O-2: 0 of OR-1 available, 1 ordered"))
                    .body("message", containsString("O-3: is offline"));
        } finally {
            online("O-3", true);
        }
        place(delivery("app-3", "OR-1", 1).replace("\"latitude\":30.0", "\"latitude\":35.0")).statusCode(409)
                .body("message", containsString("away and delivers within 10.0 km"));
    }

    @Test
    void refusesWhatCannotBeAnOrder() {
        place(pickup("bad-1", 0)).statusCode(400).body("code", equalTo("INVALID_FIELD"));
        place(pickup("bad-2", 1).replace("OR-1", "NO-SUCH")).statusCode(404).body("code", equalTo("UNKNOWN_PRODUCT"));
        place(pickup("bad-3", 1).replace("\"store\":\"O-1\"", "\"store\":\"O-404\"")).statusCode(404)
                .body("code", equalTo("UNKNOWN_STORE"));
        place(delivery("bad-4", "OR-1", 1).replace(",\"latitude\":30.0", "")).statusCode(400)
                .body("field", equalTo("address"));
        given().get("/api/orders/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_ORDER"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OnlineOrder.count(
                "channelOrderId like 'bad-%'")));
    }

    @Test
    void theStoreGetsItsOrderAndItsJournalMovesItOn() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, "O-1")) {
            BlockingQueue<byte[]> orders = store.listen(new Topics("demo").orders("O-1"));
            String orderId = place(pickup("web-9", 1).replace("OR-1", "OR-2")).statusCode(201).extract()
                    .path("orderId");
            OrderForStore sent = nextOrder(orders, orderId);
            assertEquals(1, sent.version());
            assertEquals(500, sent.totalMinor());

            progress(store, orderId, OrderProgress.Step.RECEIVED, List.of());
            awaitState(orderId, "ACCEPTED");
            OrderProgress.PickedLine line = new OrderProgress.PickedLine(1, "OR-2", 1, null, null);
            progress(store, orderId, OrderProgress.Step.PICKED, List.of(line));
            progress(store, orderId, OrderProgress.Step.READY, List.of());
            Envelope<OrderProgress> handedOver = progress(store, orderId, OrderProgress.Step.HANDED_OVER,
                    List.of(line));
            store.publish("order", codec.encode(handedOver));
            assertEquals(handedOver.id(), store.nextAck(), "a resent step is acknowledged again");
            awaitState(orderId, "COMPLETED").body("lines[0].picked", equalTo(1))
                    .body("changes.state", equalTo(List.of("PLACED", "SENT_TO_STORE", "ACCEPTED", "PICKED", "READY",
                            "COMPLETED")));
            // A pickup's goods leave the stock with the sale the till records at handover, not with this step.
            given().queryParam("store", "O-1").queryParam("sku", "OR-2").get("/api/stock").then()
                    .body("[0].quantity", equalTo(10));
            given().contentType(ContentType.JSON).body("{\"reason\":\"too late\"}")
                    .post("/api/orders/" + orderId + "/cancel").then().statusCode(409)
                    .body("code", equalTo("ORDER_CLOSED"));
            refund(orderId, 501).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
            refund(orderId, 500).statusCode(200).body("state", equalTo("REFUNDED"))
                    .body("changes[-1].note", containsString("500 CNY (minor units) given back online"));
            refund(orderId, 500).statusCode(200).body("changes", org.hamcrest.Matchers.hasSize(7));
        }
    }

    @Test
    void whatAPaidOrderWasChargedLessOrCancelledIsARefundDueUntilTheChannelRefundsIt() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, "O-1")) {
            String shortPicked = place(pickup("web-12", 2).replace("OR-1", "OR-2")).statusCode(201).extract()
                    .path("orderId");
            OrderProgress.PickedLine line = new OrderProgress.PickedLine(1, "OR-2", 1, null, null);
            progress(store, shortPicked, OrderProgress.Step.PICKED, List.of(line));
            progress(store, shortPicked, OrderProgress.Step.HANDED_OVER, List.of(line), "sale-web-12", 500L);
            awaitState(shortPicked, "COMPLETED").body("chargedMinor", equalTo(500))
                    .body("refundDueMinor", equalTo(500))
                    .body("changes[-1].note", containsString("recorded as sale sale-web-12 of 500"));
            String cancelled = place(pickup("web-13", 1).replace("OR-1", "OR-2")).statusCode(201).extract()
                    .path("orderId");
            cancel(cancelled);
            given().get("/api/orders/" + cancelled).then().body("refundDueMinor", equalTo(500));
            given().queryParam("refundDue", true).get("/api/orders").then().statusCode(200)
                    .body("find { it.orderId == '" + shortPicked + "' }.refundDueMinor", equalTo(500))
                    .body("find { it.orderId == '" + cancelled + "' }.refundDueMinor", equalTo(500))
                    .body("findAll { it.refundDueMinor == 0 }", org.hamcrest.Matchers.empty());

            refund(shortPicked, 500).statusCode(200).body("state", equalTo("REFUNDED"))
                    .body("refundDueMinor", equalTo(0)).body("refundedMinor", equalTo(500));
            given().queryParam("refundDue", true).get("/api/orders").then().statusCode(200)
                    .body("orderId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(shortPicked)));
        }
    }

    @Test
    void goodsReturnedAtTheStoreAreOwedOnlineAndEachRefundCountsOnce() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, "O-1")) {
            String orderId = place(pickup("web-14", 2).replace("OR-1", "OR-2")).statusCode(201).extract()
                    .path("orderId");
            OrderProgress.PickedLine line = new OrderProgress.PickedLine(1, "OR-2", 2, null, null);
            progress(store, orderId, OrderProgress.Step.PICKED, List.of(line));
            progress(store, orderId, OrderProgress.Step.HANDED_OVER, List.of(line), "sale-web-14", 1000L);
            awaitState(orderId, "COMPLETED").body("refundDueMinor", equalTo(0));

            returnedOnline(store, "web web-14", 500);
            given().get("/api/orders/" + orderId).then().body("refundDueMinor", equalTo(500))
                    .body("changes[-1].note", containsString("500 CNY (minor units) returned at the store"));
            try (TestStore other = new TestStore(broker, accounts, "O-2")) {
                returnedOnline(other, "web web-14", 300);
            }
            given().get("/api/orders/" + orderId).then().body("refundDueMinor", equalTo(500));
            given().queryParam("refundDue", true).get("/api/orders").then()
                    .body("find { it.orderId == '" + orderId + "' }.refundDueMinor", equalTo(500));

            refund(orderId, 500, "r-1").statusCode(200).body("state", equalTo("REFUNDED"))
                    .body("refundDueMinor", equalTo(0)).body("refundedMinor", equalTo(500));
            refund(orderId, 500, "r-1").statusCode(200).body("refundedMinor", equalTo(500));
            returnedOnline(store, "web web-14", 500);
            given().get("/api/orders/" + orderId).then().body("refundDueMinor", equalTo(500));
            refund(orderId, 501, "r-2").statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
            refund(orderId, 500, "r-2").statusCode(200).body("refundedMinor", equalTo(1000))
                    .body("refundDueMinor", equalTo(0));
            refund(orderId, 1, "r-3").statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        }
    }

    /** The store's till gave back one unit of rice crackers and refunded it to the order's online payment. */
    private void returnedOnline(TestStore store, String paidOnline, long amount) throws Exception {
        ReturnCompleted.ReturnLine line = new ReturnCompleted.ReturnLine(1, "OR-2", "Rice crackers", 1, null, amount,
                "VAT13", 0);
        Envelope<ReturnCompleted> event = new Envelope<>(MessageSchema.RETURN, EventIds.next(), "demo", store.code(),
                null, POSITION.incrementAndGet(), Instant.now(), new ReturnCompleted(EventIds.next().toString(),
                "RETURN", "1", POSITION.get(), "1001", null, Instant.now(), "CNY", "sale-web-14", null,
                List.of(line), 0, amount, List.of(new SaleCompleted.Tender("ONLINE", amount, paidOnline)),
                null, 0, 0));
        store.publish("return", codec.encode(event));
        assertEquals(event.id(), store.nextAck());
    }

    @Test
    void aDeliveryThatFailedWaitsAtItsStoreReadyAndCanBeCancelledAgain() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, "O-3")) {
            String orderId = place(delivery("app-7", "OR-1", 1)).statusCode(201).body("store", equalTo("O-3"))
                    .extract().path("orderId");
            OrderProgress.PickedLine line = new OrderProgress.PickedLine(1, "OR-1", 1, null, null);
            progress(store, orderId, OrderProgress.Step.PICKED, List.of(line));
            progress(store, orderId, OrderProgress.Step.READY, List.of());
            progress(store, orderId, OrderProgress.Step.OUT_FOR_DELIVERY, List.of());
            awaitState(orderId, "OUT_FOR_DELIVERY");
            progress(store, orderId, OrderProgress.Step.DELIVERY_FAILED, List.of(), "no one home", null, null);
            awaitState(orderId, "READY").body("changes[-1].state", equalTo("READY"))
                    .body("changes[-1].note", equalTo("not delivered; back at the store, ready: no one home"));
            cancel(orderId);
        }
    }

    @Test
    void aCancelledOrderIsSentAgainSoTheStorePutsTheGoodsBack() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, "O-1")) {
            BlockingQueue<byte[]> orders = store.listen(new Topics("demo").orders("O-1"));
            String orderId = place(pickup("web-10", 1).replace("OR-1", "OR-2")).statusCode(201).extract()
                    .path("orderId");
            nextOrder(orders, orderId);
            cancel(orderId);
            OrderForStore cancelled = nextOrder(orders, orderId);
            assertEquals(2, cancelled.version());
            assertTrue(cancelled.cancelled());
        }
    }

    @Test
    void anUnheardOrderGoesAgainOnlyToAStoreThatIsOnline() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, InstantSource.class);
        String orderId = place(pickup("web-11", 1).replace("OR-1", "OR-2")).statusCode(201).extract().path("orderId");
        Instant first = awaitSent(orderId);
        clock.advance(OrderDispatch.RESEND_AFTER.plusSeconds(1));
        online("O-1", true, clock.instant());
        dispatch.resendUnheard();
        Instant again = lastSent(orderId);
        assertTrue(again.isAfter(first), "sent again to the online store");

        clock.advance(OrderDispatch.RESEND_AFTER.plusSeconds(1));
        online("O-1", false, clock.instant());
        try {
            dispatch.resendUnheard();
            assertEquals(again, lastSent(orderId), "an offline store's session would only pile copies up");
        } finally {
            online("O-1", true);
        }
    }

    /** When the order was first sent: right after its commit, on the dispatcher's own thread. */
    private static Instant awaitSent(String orderId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Instant sent = lastSent(orderId); ; sent = lastSent(orderId)) {
            if (sent != null) {
                return sent;
            }
            assertTrue(System.nanoTime() < deadline, "order " + orderId + " was never sent");
            Thread.onSpinWait();
        }
    }

    private static Instant lastSent(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OnlineOrder.<OnlineOrder>findById(orderId).lastSentAt);
    }

    private OrderForStore nextOrder(BlockingQueue<byte[]> orders, String orderId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            byte[] bytes = orders.poll(1, TimeUnit.SECONDS);
            if (bytes != null) {
                OrderForStore order = codec.decode(bytes).payloadAs(OrderForStore.class);
                if (order.orderId().equals(orderId)) {
                    return order;
                }
            }
        }
        throw new AssertionError("order " + orderId + " did not reach its store");
    }

    private Envelope<OrderProgress> progress(TestStore store, String orderId, OrderProgress.Step step,
            List<OrderProgress.PickedLine> lines) throws Exception {
        return progress(store, orderId, step, lines, null, null, null);
    }

    private Envelope<OrderProgress> progress(TestStore store, String orderId, OrderProgress.Step step,
            List<OrderProgress.PickedLine> lines, String saleId, Long chargedMinor) throws Exception {
        return progress(store, orderId, step, lines, null, saleId, chargedMinor);
    }

    private Envelope<OrderProgress> progress(TestStore store, String orderId, OrderProgress.Step step,
            List<OrderProgress.PickedLine> lines, String note, String saleId, Long chargedMinor) throws Exception {
        Envelope<OrderProgress> event = new Envelope<>(MessageSchema.ORDER_PROGRESS, EventIds.next(), "demo",
                store.code(), null, POSITION.incrementAndGet(), Instant.now(), new OrderProgress(orderId, 1, step,
                "9001", Instant.now(), lines, note, saleId, chargedMinor));
        store.publish("order", codec.encode(event));
        assertEquals(event.id(), store.nextAck());
        return event;
    }

    private static ValidatableResponse awaitState(String orderId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ValidatableResponse response = given().get("/api/orders/" + orderId).then().statusCode(200);
            if (state.equals(response.extract().path("state"))) {
                return response;
            }
            assertTrue(System.nanoTime() < deadline, "order " + orderId + " did not become " + state);
            Thread.sleep(20);
        }
    }

    private void receive(String storeCode, String sku, long units) throws Exception {
        try (TestStore store = new TestStore(broker, accounts, storeCode)) {
            Instant now = Instant.now();
            Envelope<StockAdjusted> received = new Envelope<>(MessageSchema.STOCK_ADJUSTED, EventIds.next(), "demo",
                    storeCode, null, POSITION.incrementAndGet(), now, new StockAdjusted(EventIds.next().toString(), sku,
                    StockAdjusted.Kind.RECEIVED, units, null, "DN", "9001", now));
            store.publish("stock", codec.encode(received));
            assertNotNull(store.nextAck());
        }
    }

    /** Says the store is online (or not) as its retained status would. */
    private void online(String store, boolean online) {
        online(store, online, Instant.now());
    }

    private void online(String store, boolean online, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("delete from store_presence where store_code = ?1").setParameter(1, store)
                    .executeUpdate();
            entities.createNativeQuery("insert into store_presence (store_code, state, last_seen_at)"
                    + " values (?1, ?2, ?3)").setParameter(1, store).setParameter(2, online ? "online" : "offline")
                    .setParameter(3, at).executeUpdate();
        });
    }

    private static String pickup(String channelOrderId, int quantity) {
        return "{\"channel\":\"web\",\"channelOrderId\":\"" + channelOrderId + "\",\"fulfilment\":\"PICKUP\","
                + "\"store\":\"O-1\",\"customer\":{\"name\":\"李雷\",\"phone\":\"13800000000\"},"
                + "\"lines\":[{\"sku\":\"OR-1\",\"quantity\":" + quantity + "}],\"prepaid\":true}";
    }

    private static String delivery(String channelOrderId, String sku, int quantity) {
        return "{\"channel\":\"app\",\"channelOrderId\":\"" + channelOrderId + "\",\"fulfilment\":\"DELIVERY\","
                + "\"customer\":{\"name\":\"韩梅梅\"},\"address\":\"1 Riverside Road\",\"latitude\":30.0,"
                + "\"longitude\":31.0,\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],"
                + "\"prepaid\":true}";
    }

    private static ValidatableResponse place(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/orders").then();
    }

    private static ValidatableResponse refund(String orderId, long amount, String refundId) {
        return given().contentType(ContentType.JSON).body("{\"amountMinor\":" + amount + ",\"reason\":"
                + "\"returned at the store\",\"refundId\":\"" + refundId + "\"}").post("/api/orders/" + orderId
                + "/refund").then();
    }

    private static ValidatableResponse refund(String orderId, long amount) {
        return given().contentType(ContentType.JSON).body("{\"amountMinor\":" + amount + ",\"reason\":"
                + "\"tea returned\"}").post("/api/orders/" + orderId + "/refund").then();
    }

    private static void cancel(String orderId) {
        given().contentType(ContentType.JSON).body("{\"reason\":\"customer changed their mind\"}")
                .post("/api/orders/" + orderId + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
    }

    private static void put(String path, String body) {
        given().contentType(ContentType.JSON).body(body).put(path).then().log().ifValidationFails().statusCode(200);
    }
}
