package io.chainretail.agent.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.checkout.CompletedSale;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An online order at the store: kept once however often HQ sends it, picked (short, substituted with consent),
 * made ready and handed over at a till by its pickup code, each step journaled for HQ; a delivery sent out and
 * settled at a till when its driver is back; a cancelled order, another store's code or an unpaid one are refused
 * at the till; an uncollected one expires.
 */
@QuarkusTest
class StoreOrdersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final SyncCodec codec = new SyncCodec();
    private final MovableClock clock = new MovableClock();

    @Inject
    FeedApplier applier;

    @Inject
    OrderInbox inbox;

    @Inject
    StoreOrders orders;

    @Inject
    StockLedger ledger;

    private String manager;

    @BeforeEach
    void store() {
        TestReplica.ensure(applier);
        QuarkusMock.installMockForType(clock, InstantSource.class);
        manager = TestReplica.managerToken();
    }

    @Test
    void aPickupOrderIsKeptOncePickedMadeReadyAndHandedOverAtTheTill() {
        OrderForStore order = order(1, true, false);
        long journalBefore = journaled();
        orders.receive(order);
        orders.receive(order);
        assertEquals(journalBefore + 1, journaled(), "kept once: one RECEIVED for HQ");

        given().auth().oauth2(manager).get("/api/orders").then().statusCode(200)
                .body("find { it.orderId == '" + order.orderId() + "' }.state", equalTo("RECEIVED"));
        String cashier = TestReplica.signInWithShift("21");
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("ORDER_NOT_READY"));
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":2},{\"lineNo\":2,\"picked\":0,\"substitute\":\"W-1\"}]")
                .statusCode(400).body("field", equalTo("consentBy"));
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":3}]").statusCode(400).body("field", equalTo("lines"));
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":3},{\"lineNo\":2,\"picked\":1}]").statusCode(422)
                .body("code", equalTo("INVALID_QUANTITY"));
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":2},{\"lineNo\":2,\"picked\":1,\"substitute\":\"W-1\","
                + "\"consentBy\":\"phone 13800000000\"}]").statusCode(200).body("state", equalTo("PICKED"))
                .body("lines[1].substitute", equalTo("W-1"));
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/ready").then().statusCode(200)
                .body("state", equalTo("READY"));

        long waterBefore = onHand("W-1");
        long juiceBefore = onHand("J-1");
        given().header("X-Till-Token", cashier).get("/api/till/orders/" + order.pickupCode()).then().statusCode(200)
                .body("customer", equalTo("李雷"));
        handOver(cashier, order.pickupCode()).statusCode(200).body("state", equalTo("HANDED_OVER"));
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("ORDER_CLOSED"));
        assertEquals(waterBefore - 3, onHand("W-1"), "two waters ordered and one as the juice's substitute");
        assertEquals(juiceBefore, onHand("J-1"));
        OrderProgress handedOver = lastStep(order.orderId());
        assertEquals(OrderProgress.Step.HANDED_OVER, handedOver.step());
        assertEquals("1001 at lane 21", handedOver.by());
        SaleCompleted sale = saleOf(handedOver);
        assertEquals(750, sale.totalMinor(), "two waters and the juice's substitute at the juice's price");
        assertEquals(List.of(new SaleCompleted.Tender("ONLINE", 750, sale.tenders().get(0).reference())),
                sale.tenders());
        assertEquals(List.of("W-1", "W-1"), sale.lines().stream().map(SaleCompleted.SaleLine::sku).toList());
    }

    @Test
    void anOrderPaidAtPickupIsPaidAtTheTillAndAShortPickIsChargedInProportion() {
        String cashier = TestReplica.signInWithShift("23");
        OrderForStore order = order(1, false, false);
        orders.receive(order);
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":1},{\"lineNo\":2,\"picked\":1}]").statusCode(200);
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/ready").then().statusCode(200);
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("PAYMENT_DUE"))
                .body("message", containsString("6.00"));
        handOver(cashier, order.pickupCode(), "{\"tenders\":[{\"type\":\"ONLINE\",\"amountMinor\":600}]}")
                .statusCode(422).body("code", equalTo("ONLINE_TENDER"));
        handOver(cashier, order.pickupCode(), "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":500}]}")
                .statusCode(422).body("code", equalTo("TENDER_TOO_LOW"));
        handOver(cashier, order.pickupCode(), "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":1000}]}")
                .statusCode(200).body("state", equalTo("HANDED_OVER"));
        SaleCompleted sale = saleOf(lastStep(order.orderId()));
        assertEquals(600, sale.totalMinor(), "one water of two (150) and the juice (450)");
        assertEquals(400, sale.changeMinor());
        assertEquals(17, sale.lines().get(0).taxMinor(), "half the line's tax");
    }

    @Test
    void aDeliveryLeavesWithItsDriverAndIsSoldWhenTheDriverIsBackWithThePayment() {
        String cashier = TestReplica.signInWithShift("24");
        OrderForStore order = order(1, false, false, OrderForStore.Fulfilment.DELIVERY);
        orders.receive(order);
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("ORDER_NOT_READY"));
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":1},{\"lineNo\":2,\"picked\":1}]").statusCode(200);
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/ready").then().statusCode(200);
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("ORDER_NOT_READY"))
                .body("message", containsString("not been sent out"));
        long waterBefore = onHand("W-1");
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/out-for-delivery").then()
                .statusCode(200).body("state", equalTo("OUT_FOR_DELIVERY"));
        assertEquals(waterBefore, onHand("W-1"), "on the road, the goods are still the store's");
        assertEquals(List.of(), lastStep(order.orderId()).lines(), "HQ's book moves with the sale, not now");

        given().header("X-Till-Token", cashier).get("/api/till/orders/" + order.pickupCode()).then().statusCode(200)
                .body("chargeMinor", equalTo(600));
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("PAYMENT_DUE"))
                .body("message", containsString("driver hands in"));
        handOver(cashier, order.pickupCode(), "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":600}]}")
                .statusCode(200).body("state", equalTo("DELIVERED"));
        handOver(cashier, order.pickupCode(), "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":600}]}")
                .statusCode(409).body("code", equalTo("ORDER_CLOSED"));
        assertEquals(waterBefore - 1, onHand("W-1"), "the delivered water left with its sale, once");
        OrderProgress delivered = lastStep(order.orderId());
        assertEquals(OrderProgress.Step.DELIVERED, delivered.step());
        SaleCompleted sale = saleOf(delivered);
        assertEquals(600, sale.totalMinor());
        assertEquals("CASH", sale.tenders().get(0).type());
    }

    @Test
    void goodsOfAnOrderPaidOnlineAreRefundedOnlineWhenReturnedAtTheTill() {
        String cashier = TestReplica.signInWithShift("27");
        OrderForStore order = order(1, true, false);
        orders.receive(order);
        readyAll(order);
        handOver(cashier, order.pickupCode()).statusCode(200);
        SaleCompleted sale = saleOf(lastStep(order.orderId()));
        String paidOnline = "web " + order.channelOrderId();
        assertEquals(paidOnline, sale.tenders().get(0).reference());

        giveBack(cashier, sale.saleId(), "\"CASH\"").statusCode(422).body("code", equalTo("REFUND_TENDER"))
                .body("message", containsString("paid online"));
        giveBack(cashier, sale.saleId(), null).statusCode(200).body("totalMinor", equalTo(150))
                .body("tenders", hasSize(1)).body("tenders[0].type", equalTo("ONLINE"))
                .body("tenders[0].amountMinor", equalTo(150)).body("tenders[0].reference", equalTo(paidOnline));

        OrderForStore unpaid = order(1, false, false);
        orders.receive(unpaid);
        readyAll(unpaid);
        handOver(cashier, unpaid.pickupCode(), "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":750}]}")
                .statusCode(200);
        String paidInCash = saleOf(lastStep(unpaid.orderId())).saleId();
        giveBack(cashier, paidInCash, "\"ONLINE\"").statusCode(422).body("code", equalTo("REFUND_TENDER"));
        giveBack(cashier, paidInCash, null).statusCode(200).body("tenders[0].type", equalTo("CASH"));
    }

    private static ValidatableResponse giveBack(String cashier, String saleId, String tender) {
        return given().header("X-Till-Token", cashier).contentType(ContentType.JSON).body("{\"saleId\":\"" + saleId
                + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]" + (tender == null ? "" : ",\"tender\":" + tender)
                + "}").post("/api/till/returns").then();
    }

    @Test
    void aDeliveryThatFailedWaitsAtTheStoreReadyAndGoesOutAgain() {
        String cashier = TestReplica.signInWithShift("26");
        OrderForStore order = order(1, true, false, OrderForStore.Fulfilment.DELIVERY);
        orders.receive(order);
        readyAll(order);
        failed(order.orderId(), "{\"reason\":\"no one home\"}").statusCode(409)
                .body("code", equalTo("ORDER_NOT_READY"));
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/out-for-delivery").then()
                .statusCode(200);
        long waterBefore = onHand("W-1");
        for (String blank : List.of("{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "x".repeat(201) + "\"}")) {
            failed(order.orderId(), blank).statusCode(400).body("code", equalTo("INVALID_FIELD"));
        }
        assertEquals(OrderProgress.Step.OUT_FOR_DELIVERY, lastStep(order.orderId()).step(), "refused: no change");

        clock.advance(Duration.ofHours(5)); // the time to collect it counts again from now
        failed(order.orderId(), "{\"reason\":\" no one home \"}").statusCode(200).body("state", equalTo("READY"))
                .body("readyAt", equalTo(clock.instant().toString()));
        OrderProgress failed = lastStep(order.orderId());
        assertEquals(OrderProgress.Step.DELIVERY_FAILED, failed.step());
        assertEquals("no one home", failed.note());
        assertEquals(waterBefore, onHand("W-1"), "the goods never left the books");
        failed(order.orderId(), "{\"reason\":\"again\"}").statusCode(409).body("code", equalTo("ORDER_NOT_READY"));
        handOver(cashier, order.pickupCode()).statusCode(409).body("code", equalTo("ORDER_NOT_READY"));

        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/out-for-delivery").then()
                .statusCode(200).body("state", equalTo("OUT_FOR_DELIVERY"));
        handOver(cashier, order.pickupCode()).statusCode(200).body("state", equalTo("DELIVERED"));
        assertEquals(waterBefore - 2, onHand("W-1"), "sold once, at the second attempt");
    }

    private ValidatableResponse failed(String orderId, String body) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body(body)
                .post("/api/orders/" + orderId + "/delivery-failed").then();
    }

    @Test
    void aDeliverySentOutBeforeTheUpgradeLeavesTheStockOnceWhenSold() {
        String cashier = TestReplica.signInWithShift("25");
        OrderForStore order = order(1, true, false, OrderForStore.Fulfilment.DELIVERY);
        orders.receive(order);
        readyAll(order);
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/out-for-delivery").then()
                .statusCode(200);
        long waterBefore = onHand("W-1");
        // As the agent before V20 sent a delivery out: its goods left the ledger then, and the migration marked it.
        QuarkusTransaction.requiringNew().run(() -> {
            ledger.move("W-1", -2, null, "ORDER", order.orderId());
            ledger.move("J-1", -1, null, "ORDER", order.orderId());
            StoreOrder.update("stockLeft = true where orderId = ?1", order.orderId());
        });
        long juiceBefore = onHand("J-1") + 1;
        long adjustedBefore = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("kind", "stock"));
        handOver(cashier, order.pickupCode()).statusCode(200).body("state", equalTo("DELIVERED"));
        assertEquals(waterBefore - 2, onHand("W-1"), "left once: at the old send-out, put back, sold");
        assertEquals(juiceBefore - 1, onHand("J-1"));
        assertEquals(adjustedBefore + 2, QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("kind",
                "stock")), "the units put back are journaled for HQ, whose book also took them at send-out");
    }

    private SaleCompleted saleOf(OrderProgress handedOver) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CompletedSale sale = CompletedSale.findById(handedOver.saleId());
            try {
                return codec.readPayload(sale.payload, SaleCompleted.class);
            } catch (MalformedMessageException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theTillRefusesACancelledAnUnpaidAndAnUnknownOrder() {
        String cashier = TestReplica.signInWithShift("22");
        OrderForStore unpaid = order(1, false, false);
        orders.receive(unpaid);
        readyAll(unpaid);
        handOver(cashier, unpaid.pickupCode()).statusCode(409).body("code", equalTo("PAYMENT_DUE"));

        OrderForStore cancelled = order(1, true, false);
        orders.receive(cancelled);
        readyAll(cancelled);
        inbox.handle("retail/v1/demo/store/0001/orders", codec.encode(envelope("0001", withVersion(cancelled, 2,
                true))));
        awaitState(cancelled.orderId(), "CANCELLED");
        handOver(cashier, cancelled.pickupCode()).statusCode(409).body("code", equalTo("ORDER_CANCELLED"));
        assertEquals(OrderProgress.Step.CANCELLED, lastStep(cancelled.orderId()).step());

        handOver(cashier, "99999999").statusCode(404).body("code", equalTo("UNKNOWN_PICKUP_CODE"));
        OrderForStore elsewhere = order(1, true, false);
        double rejected = rejected();
        inbox.handle("retail/v1/demo/store/0001/orders", codec.encode(envelope("0002", elsewhere)));
        assertEquals(rejected + 1, rejected(), "another store's order is rejected");
        handOver(cashier, elsewhere.pickupCode()).statusCode(404).body("code", equalTo("UNKNOWN_PICKUP_CODE"));
    }

    @Test
    void anOrderNotCollectedInTimeExpires() {
        OrderForStore order = order(1, true, false);
        orders.receive(order);
        readyAll(order);
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        orders.expireUncollected();
        given().auth().oauth2(TestReplica.managerToken()).get("/api/orders/" + order.orderId()).then()
                .body("state", equalTo("EXPIRED"));
        assertEquals(OrderProgress.Step.EXPIRED, lastStep(order.orderId()).step());
    }

    private void readyAll(OrderForStore order) {
        pick(order.orderId(), "[{\"lineNo\":1,\"picked\":2},{\"lineNo\":2,\"picked\":1}]").statusCode(200);
        given().auth().oauth2(manager).post("/api/orders/" + order.orderId() + "/ready").then().statusCode(200);
    }

    private void awaitState(String orderId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.equals(given().auth().oauth2(manager).get("/api/orders/" + orderId).then().extract()
                .path("state"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order " + orderId + " did not become " + state);
            }
            Thread.onSpinWait();
        }
    }

    private ValidatableResponse pick(String orderId, String lines) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"lines\":" + lines + "}")
                .post("/api/orders/" + orderId + "/pick").then();
    }

    private static ValidatableResponse handOver(String cashier, String pickupCode) {
        return handOver(cashier, pickupCode, "{}");
    }

    private static ValidatableResponse handOver(String cashier, String pickupCode, String body) {
        return given().header("X-Till-Token", cashier).contentType(ContentType.JSON).body(body)
                .post("/api/till/orders/" + pickupCode + "/handover").then();
    }

    private long onHand(String sku) {
        return given().auth().oauth2(manager).get("/api/stock/" + sku).then().extract().<Number>path("quantity")
                .longValue();
    }

    private static double rejected() {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("agent_messages_rejected_total{") && line.contains("orders"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long journaled() {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("kind", "order"));
    }

    private OrderProgress lastStep(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find("kind = ?1 order by "
                + "position desc", "order").list().stream().map(entry -> progress(entry.payload))
                .filter(p -> p.orderId().equals(orderId)).findFirst().orElseThrow());
    }

    private OrderProgress progress(String json) {
        try {
            return codec.readPayload(json, OrderProgress.class);
        } catch (MalformedMessageException e) {
            throw new AssertionError(e);
        }
    }

    private Envelope<OrderForStore> envelope(String store, OrderForStore order) {
        return new Envelope<>(MessageSchema.ORDER, EventIds.next(), "demo", store, null, null, Instant.now(), order);
    }

    private static OrderForStore order(int version, boolean prepaid, boolean cancelled) {
        return order(version, prepaid, cancelled, OrderForStore.Fulfilment.PICKUP);
    }

    private static OrderForStore order(int version, boolean prepaid, boolean cancelled,
            OrderForStore.Fulfilment fulfilment) {
        int n = NEXT.incrementAndGet();
        boolean delivery = fulfilment == OrderForStore.Fulfilment.DELIVERY;
        return new OrderForStore(EventIds.next().toString(), version, "web", "web-" + n + "-" + System.nanoTime(),
                fulfilment, String.format("%08d", 10_000_000 + n), "李雷", null, "13800000000",
                delivery ? "上海市徐汇区漕溪北路 1 号" : null, "CNY",
                List.of(new OrderForStore.Line(1, "W-1", "矿泉水 550ml", 2, 150, 0, "STD", 35, 300, List.of()),
                        new OrderForStore.Line(2, "J-1", "Orange juice 1l", 1, 500, 50, "STD", 52, 450,
                                List.of(new SaleCompleted.LinePromotion("JUICE2", 1, 50)))), 750, prepaid, cancelled,
                Instant.now());
    }

    private static OrderForStore withVersion(OrderForStore order, int version, boolean cancelled) {
        return new OrderForStore(order.orderId(), version, order.channel(), order.channelOrderId(), order.fulfilment(),
                order.pickupCode(), order.customer(), order.member(), order.phone(), order.address(), order.currency(),
                order.lines(), order.totalMinor(), order.prepaid(), cancelled, order.placedAt());
    }
}
