package io.chainretail.agent.manager;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.PriceBounds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The store manager sets the store's own water price: outside HQ's bounds (1.00 to 2.00 at this store)
 * it is refused with the bound; inside, the till sells at it at once and HQ is told; removed, HQ's
 * price is back.
 */
@QuarkusTest
class ManagerPricesTest {

    @Inject
    FeedApplier applier;

    @Test
    void aManagerSetsAPriceInsideHqsBoundsAndTheTillSellsAtIt() {
        TestReplica.ensure(applier);
        long seq = applier.lastApplied().get("prices") + 1;
        assertEquals(FeedApplier.Result.APPLIED, applier.apply(new Envelope<>(MessageSchema.PRICE_BOUNDS,
                EventIds.next(), "demo", null, seq, null, Instant.now(), new PriceBounds("B-W1", "W-1", "0001", 100L,
                200L, null, null, null, false))));

        given().contentType(ContentType.JSON).body("{\"id\":\"1001\",\"pin\":\"1234\"}").post("/api/manager/signin")
                .then().statusCode(403).body("code", equalTo("NOT_A_MANAGER"));
        String manager = given().contentType(ContentType.JSON).body("{\"id\":\"9001\",\"pin\":\"9999\"}")
                .post("/api/manager/signin").then().statusCode(200).extract().path("token");
        given().contentType(ContentType.JSON).body("{\"priceMinor\":120}").put("/api/manager/prices/W-1").then()
                .statusCode(401);

        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":250}")
                .put("/api/manager/prices/W-1").then().statusCode(400).body("code", equalTo("PRICE_OUT_OF_BOUNDS"))
                .body("message", containsString("2.50 is above HQ's ceiling of 2.00"));
        given().auth().oauth2(manager).get("/api/manager/prices/W-1").then().statusCode(200)
                .body("name", equalTo("矿泉水 550ml")).body("hqPriceMinor", equalTo(150))
                .body("highestMinor", equalTo(200)).body("storePriceMinor", nullValue());
        given().auth().oauth2(manager).get("/api/manager/store").then().statusCode(200)
                .body("zone", equalTo("Asia/Shanghai")).body("currency", equalTo("CNY"));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":-1}")
                .put("/api/manager/prices/W-1").then().statusCode(400);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":120}")
                .put("/api/manager/prices/NOPE").then().statusCode(404);
        assertEquals(150, scanWater(), "nothing refused changed the price");

        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":120}")
                .put("/api/manager/prices/W-1").then().statusCode(200).body("priceMinor", equalTo(120));
        try {
            assertEquals(120, scanWater(), "the till sells at the store's price at once");
            given().auth().oauth2(manager).get("/api/manager/prices").then().statusCode(200)
                    .body("find { it.sku == 'W-1' }.setBy", equalTo("9001"));
            long journaled = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count(
                    "kind = ?1 and payload like ?2", "price-override", "%W-1%"));
            assertEquals(1, journaled, "HQ is told");
        } finally {
            given().auth().oauth2(manager).delete("/api/manager/prices/W-1").then().statusCode(204);
        }
        assertEquals(150, scanWater(), "HQ's price again");
        given().auth().oauth2(manager).get("/api/manager/audit").then().statusCode(200)
                .body("[0].action", equalTo("PRICE_REMOVED")).body("[0].who", equalTo("9001"))
                .body("find { it.action == 'PRICE_SET' && it.detail == 'W-1 at 1.20' }.who", equalTo("9001"));
    }

    @Test
    void whereHqSetNoBoundTheStoresLimitApplies() {
        TestReplica.ensure(applier);
        TestReplica.limitManagerPrices(applier, 2000); // 20% either way of HQ's 4.50 for juice: 3.60 to 5.40
        String manager = given().contentType(ContentType.JSON).body("{\"id\":\"9001\",\"pin\":\"9999\"}")
                .post("/api/manager/signin").then().statusCode(200).extract().path("token");
        try {
            for (String refused : new String[] {"0", "359", "541", "99999999999"}) {
                given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":" + refused + "}")
                        .put("/api/manager/prices/J-1").then().statusCode(400)
                        .body("code", equalTo("PRICE_OUT_OF_BOUNDS"))
                        .body("message", containsString("the store's limit where HQ set no bound: at most 2000 bp"));
            }
            assertEquals(450, scan(TestReplica.JUICE), "nothing refused changed the price");
            given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":400}")
                    .put("/api/manager/prices/J-1").then().statusCode(200);
            // From the store's own 4.00, 3.55 is near; from HQ's 4.50, which is what counts, it is too far.
            given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"priceMinor\":355}")
                    .put("/api/manager/prices/J-1").then().statusCode(400).body("code", equalTo("PRICE_OUT_OF_BOUNDS"));
            assertEquals(400, scan(TestReplica.JUICE));
        } finally {
            given().auth().oauth2(manager).delete("/api/manager/prices/J-1");
            TestReplica.limitManagerPrices(applier, null);
        }
    }

    private String till;
    private String sale;

    private long scanWater() {
        return scan(TestReplica.WATER);
    }

    /** Scans an item into one open sale at lane 14; its regular unit price now. */
    private long scan(String code) {
        if (till == null) {
            till = TestReplica.signInWithShift("14");
            sale = given().header("X-Till-Token", till).post("/api/till/sales").then().statusCode(200)
                    .extract().path("saleId");
        }
        int price = given().header("X-Till-Token", till).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"quantity\":1}").post("/api/till/sales/" + sale
                        + "/lines").then().statusCode(200).extract().path("lines[-1].unitPriceMinor");
        return price;
    }
}
