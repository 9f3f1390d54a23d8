package io.chainretail.agent.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sale priced by the engine from the replica: promotions, member prices, coupons, weighed items, voids. */
@QuarkusTest
class PricedCheckoutTest {

    @Inject
    FeedApplier applier;

    private String token;
    private String sale;

    @BeforeEach
    void openSale() {
        TestReplica.ensure(applier);
        token = TestReplica.signInWithShift("02");
        sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
    }

    @Test
    void pricesEveryChangeAndJournalsThePricedSale() throws Exception {
        scan(TestReplica.WATER, 3).statusCode(200).body("totalMinor", equalTo(450));
        scan(TestReplica.JUICE, 2).statusCode(200)
                .body("lines[1].regularMinor", equalTo(900)).body("lines[1].savingMinor", equalTo(100))
                .body("lines[1].promotions[0].code", equalTo("JUICE2")).body("totalMinor", equalTo(1250));

        // The member's tier price (1.20) and member-only 5% off: 3 x (1.20 - 0.06).
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"cardOrPhone\":\"13800000001\"}")
                .put("/api/till/sales/" + sale + "/member").then().statusCode(200)
                .body("member.name", equalTo("张三")).body("lines[0].unitPriceMinor", equalTo(120))
                .body("lines[0].amountMinor", equalTo(342)).body("lines[0].promotions[0].code", equalTo("GOLD5"))
                .body("memberSavingMinor", equalTo(3 * (150 - 120)));

        // Scale labels: 384 g at 12.90/kg is 4.95; a price label says 5.00.
        scan(TestReplica.APPLES_384G, 1).statusCode(200).body("lines[2].weightGrams", equalTo(384))
                .body("lines[2].regularMinor", equalTo(495));
        scan(TestReplica.APPLES_5_00, 1).statusCode(200).body("lines[3].regularMinor", equalTo(500));

        coupon("C10").statusCode(200).body("lines[2].savingMinor", equalTo(100))
                .body("lines[3].savingMinor", equalTo(100));
        coupon("NOPE").statusCode(200).body("couponsNotApplied", contains("NOPE"));
        given().header("X-Till-Token", token).delete("/api/till/sales/" + sale + "/coupons/NOPE").then()
                .statusCode(200).body("coupons", contains("C10"));

        given().header("X-Till-Token", token).post("/api/till/sales/" + sale + "/lines/4/void").then()
                .statusCode(200).body("lines[3].voided", equalTo(true)).body("totalMinor", equalTo(342 + 800 + 395))
                .body("lines[3].regularMinor", equalTo(500)).body("lines[3].amountMinor", equalTo(0));
        given().header("X-Till-Token", token).post("/api/till/sales/" + sale + "/lines/4/void").then()
                .statusCode(409).body("code", equalTo("ALREADY_VOIDED"));

        long journalBefore = journalSize();
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CARD\",\"amountMinor\":1000,\"reference\":\"AUTH 884211\"},"
                        + "{\"type\":\"CASH\",\"amountMinor\":1000}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("changeMinor", equalTo(463))
                .body("savingMinor", equalTo(100 + 18 + 100)).body("member.cardNo", equalTo("M0001"))
                .body("receiptText", containsString("YOU SAVED")).body("receiptText", containsString("JUICE2"))
                .body("receiptText", containsString("CARD ref AUTH 884211"))
                .body("lines.size()", equalTo(3));
        assertEquals(journalBefore + 1, journalSize());

        SaleCompleted journaled = new SyncCodec().readPayload(QuarkusTransaction.requiringNew().call(() ->
                JournalEntry.<JournalEntry>find("order by position desc").firstResult().payload), SaleCompleted.class);
        assertEquals("M0001", journaled.member());
        assertEquals("AUTH 884211", journaled.tenders().get(0).reference(), "the card terminal's slip, for HQ");
        assertEquals(1537, journaled.totalMinor());
        assertEquals("GOLD5", journaled.lines().get(0).promotions().get(0).code());
        assertEquals(applier.lastApplied().get("prices").longValue(), journaled.pricesSeq(),
                "priced at the replica's position in the prices feed");
        given().header("X-Till-Token", token).get("/api/till/sales/" + sale).then().statusCode(200)
                .body("lines[1].promotions[0].code", equalTo("JUICE2")).body("totalMinor", equalTo(1537));
    }

    @Test
    void aPluNeedsAWeightAndAMemberMustExist() {
        scan("00042", 1).statusCode(422).body("code", equalTo("WEIGHT_NEEDED"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"code\":\"00042\",\"weightGrams\":1000}").post("/api/till/sales/" + sale + "/lines").then()
                .statusCode(200).body("lines[0].regularMinor", equalTo(1290));
        scan("00043", 1).statusCode(404).body("code", equalTo("UNKNOWN_BARCODE"));
        scan("2500099003848", 1).statusCode(404).body("code", equalTo("UNKNOWN_BARCODE"));
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"cardOrPhone\":\"13899999999\"}")
                .put("/api/till/sales/" + sale + "/member").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_MEMBER"));
        given().header("X-Till-Token", token).get("/api/till/sales/" + sale).then().body("member", nullValue());
        coupon("bad code!").statusCode(422).body("code", equalTo("INVALID_COUPON"));
    }

    @Test
    void findsProductsByNameWithTheCodeThatSellsThem() {
        given().header("X-Till-Token", token).queryParam("q", "ORANGE").get("/api/till/products").then()
                .statusCode(200).body("sku", contains("J-1")).body("[0].code", equalTo(TestReplica.JUICE));
        given().header("X-Till-Token", token).queryParam("q", "矿泉").get("/api/till/products").then()
                .statusCode(200).body("sku", contains("W-1"));
        given().header("X-Till-Token", token).queryParam("q", "apple").get("/api/till/products").then()
                .statusCode(200).body("[0].code", equalTo("00042")).body("[0].weighed", equalTo(true));
        given().header("X-Till-Token", token).queryParam("q", "zzz").get("/api/till/products").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    private ValidatableResponse scan(String code, long quantity) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"quantity\":" + quantity + "}")
                .post("/api/till/sales/" + sale + "/lines").then();
    }

    private ValidatableResponse coupon(String code) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/till/sales/" + sale + "/coupons").then();
    }

    private static long journalSize() {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
    }
}
