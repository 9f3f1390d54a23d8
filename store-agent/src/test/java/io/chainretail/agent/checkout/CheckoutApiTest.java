package io.chainretail.agent.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutApiTest {

    private static final String WATER = TestReplica.WATER;

    @Inject
    FeedApplier applier;

    @BeforeEach
    void replicaHasWater() {
        TestReplica.ensure(applier);
    }

    @Test
    void appliesDeltasInOrderOnceAndReportsGaps() {
        ProductChange change = product("W-2", "Juice", "4006381333931");
        long last = applier.lastApplied().get("catalog");
        assertEquals(FeedApplier.Result.GAP, applier.apply(delta(MessageSchema.PRODUCT, last + 2, change)));
        assertEquals(FeedApplier.Result.APPLIED, applier.apply(delta(MessageSchema.PRODUCT, last + 1, change)));
        assertEquals(FeedApplier.Result.ALREADY_APPLIED, applier.apply(delta(MessageSchema.PRODUCT, last + 1,
                change)));
        assertEquals(last + 1, applier.lastApplied().get("catalog"));
    }

    @Test
    void sellsAndCompletesExactlyOnce() {
        String token = TestReplica.signInWithShift("01");
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + WATER
                + "\",\"quantity\":2}").post("/api/till/sales/" + sale + "/lines")
                .then().statusCode(200).body("totalMinor", equalTo(300)).body("lines[0].name", equalTo("矿泉水 550ml"))
                .header("Server-Timing", matchesPattern(serverTiming("scan")));
        long journalBefore = journalSize();

        String payment = "{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":500}]}";
        int receipt = given().header("X-Till-Token", token).contentType(ContentType.JSON).body(payment)
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("changeMinor", equalTo(200))
                .body("receiptText", containsString("TOTAL"))
                .header("Server-Timing", matchesPattern(serverTiming("complete")))
                .extract().path("receiptNo");
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body(payment)
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200)
                .body("receiptNo", equalTo(receipt));

        assertEquals(journalBefore + 1, journalSize(), "completing twice journals one sale");
    }

    @Test
    void refusesAbsurdCashAndFractionsAndACashRefundTheDrawerCannotPay() {
        String token = TestReplica.signInWithShift("31");
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + WATER
                + "\",\"quantity\":2.7}").post("/api/till/sales/" + sale + "/lines").then().statusCode(400)
                .body("field", equalTo("quantity"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + WATER
                + "\",\"quantity\":2}").post("/api/till/sales/" + sale + "/lines").then().statusCode(200)
                .body("totalMinor", equalTo(300));
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":9223372036854775807}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(422)
                .body("code", equalTo("CHANGE_TOO_LARGE"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CARD\",\"amountMinor\":9223372036854775807},"
                        + "{\"type\":\"CASH\",\"amountMinor\":9223372036854775807}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(422)
                .body("code", equalTo("TENDER_TOO_LARGE"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CARD\",\"amountMinor\":300}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200);
        // Paid by card, so the drawer holds the float only (100.00): 150.00 cannot go back in cash.
        String noReceipt = "{\"lines\":[{\"code\":\"" + WATER + "\",\"quantity\":100}],\"tender\":\"%s\","
                + "\"approver\":\"9001\",\"pin\":\"9999\",\"reason\":\"test\"}";
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body(String.format(noReceipt, "CASH"))
                .post("/api/till/returns").then().statusCode(409).body("code", equalTo("CASH_SHORT"))
                .body("message", containsString("100.00"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body(String.format(noReceipt, "VOUCHER"))
                .post("/api/till/returns").then().statusCode(200);
    }

    @Test
    void aLinesQuantityIsChangedAfterTheScanAndPricedAgain() {
        String token = TestReplica.signInWithShift("01");
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().extract().path("saleId");
        scan(token, sale, WATER, 1).statusCode(200).body("totalMinor", equalTo(150));
        quantity(token, sale, 1, 6).statusCode(200).body("lines[0].quantity", equalTo(6))
                .body("totalMinor", equalTo(900));
        quantity(token, sale, 1, 0).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        quantity(token, sale, 1, 100_000).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        quantity(token, sale, 2, 3).statusCode(404).body("code", equalTo("NO_SUCH_LINE"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{}")
                .put("/api/till/sales/" + sale + "/lines/1").then().statusCode(400).body("field", equalTo("quantity"));
        given().header("X-Till-Token", token).post("/api/till/sales/" + sale + "/lines/1/void").then().statusCode(200);
        quantity(token, sale, 1, 2).statusCode(409).body("code", equalTo("ALREADY_VOIDED"));
        given().header("X-Till-Token", token).get("/api/till/sales/" + sale).then().statusCode(200)
                .body("lines[0].quantity", equalTo(6)).body("totalMinor", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse quantity(String token, String sale, int line,
            long quantity) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"quantity\":" + quantity + "}").put("/api/till/sales/" + sale + "/lines/" + line).then();
    }

    @Test
    void refusesBadInputWithAMessageAndStoresNothing() {
        String token = TestReplica.signInWithShift("01");
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().extract().path("saleId");
        long journalBefore = journalSize();
        scan(token, sale, "6901234567893", 1).statusCode(422).body("code", equalTo("INVALID_BARCODE"));
        scan(token, sale, "4006381333948", 1).statusCode(404).body("code", equalTo("UNKNOWN_BARCODE"));
        scan(token, sale, WATER, -1).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        scan(token, sale, WATER, 100_000).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        scan(token, sale, WATER, 1).statusCode(200);
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":100}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(422)
                .body("code", equalTo("TENDER_TOO_LOW"));
        assertEquals(journalBefore, journalSize());
    }

    @Test
    void refusesAWrongPinAndAMissingSession() {
        given().contentType(ContentType.JSON).body("{\"cashier\":\"1001\",\"pin\":\"0000\",\"lane\":\"01\"}")
                .post("/api/till/signin").then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        given().post("/api/till/sales").then().statusCode(401).body("code", equalTo("NOT_SIGNED_IN"));
    }

    private static io.restassured.response.ValidatableResponse scan(String token, String sale, String code, long qty) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"quantity\":" + qty + "}")
                .post("/api/till/sales/" + sale + "/lines").then();
    }

    private static long journalSize() {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
    }

    private static ProductChange product(String sku, String name, String barcode) {
        return new ProductChange(sku, name, List.of(barcode), true, null, null, "STD", Measure.UNIT, null);
    }

    private static Envelope<?> delta(MessageSchema schema, long seq, Object payload) {
        return new Envelope<>(schema, EventIds.next(), "demo", null, seq, null, Instant.now(), payload);
    }

    /** A Server-Timing header with the wait, the named work and the whole request. */
    private static String serverTiming(String work) {
        return "wait;dur=\\d+\\.\\d\\d, " + work + ";dur=\\d+\\.\\d\\d, request;dur=\\d+\\.\\d\\d";
    }
}
