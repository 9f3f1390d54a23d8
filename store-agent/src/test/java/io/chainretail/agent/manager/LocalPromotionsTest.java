package io.chainretail.agent.manager;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A store manager's own promotion: refused until HQ allows the store some depth, refused past it, then
 * run by the till beside HQ's promotions, journaled for HQ, in the audit trail, and ended.
 */
@QuarkusTest
class LocalPromotionsTest {

    @Inject
    FeedApplier applier;

    @Test
    void aManagerRunsAPromotionNoDeeperThanHqAllows() {
        TestReplica.ensure(applier);
        String manager = TestReplica.managerToken();
        String tenPercent = "{\"name\":\"Water week\",\"type\":\"PERCENT_OFF\",\"skus\":[\"W-1\"],"
                + "\"percentOffBp\":1000}";
        put(manager, "W10", tenPercent).statusCode(403).body("code", equalTo("LOCAL_PROMOTIONS_NOT_ALLOWED"));

        TestReplica.allowLocalPromotions(applier, 2000);
        put(manager, "W25", tenPercent.replace("1000", "2500")).statusCode(400)
                .body("code", equalTo("OVER_LOCAL_LIMIT")).body("message", containsString("at most 20.0% off"));
        put(manager, "W-OFF", "{\"name\":\"Water 0.40 off\",\"type\":\"AMOUNT_OFF\",\"skus\":[\"W-1\"],"
                + "\"amountOffMinor\":40}").statusCode(400).body("message", containsString("at most 30 off"));
        put(manager, "NOPE", tenPercent.replace("W-1", "NOPE")).statusCode(404);
        put(TestReplica.signInWithShift("15"), "W10", tenPercent).statusCode(403); // a cashier's token

        put(manager, "W10", tenPercent).statusCode(200).body("code", equalTo("L-0001-W10"))
                .body("targets.stores[0]", equalTo("0001")).body("exclusivityGroup", equalTo("store-local"));
        try {
            JsonPath scanned = scanWater();
            assertEquals(135, scanned.getLong("totalMinor"), "the till takes the store's 10% off 1.50");
            assertEquals("L-0001-W10", scanned.getString("lines[0].promotions[0].code"));
            given().auth().oauth2(manager).get("/api/manager/promotions").then().statusCode(200)
                    .body("find { it.code == 'L-0001-W10' }.percentOffBp", equalTo(1000));
            long journaled = QuarkusTransaction.requiringNew()
                    .call(() -> JournalEntry.count("kind", "local-promotion"));
            assertEquals(1, journaled, "HQ is told");
            given().auth().oauth2(manager).get("/api/manager/audit").then().statusCode(200)
                    .body("find { it.action == 'PROMOTION_SET' }.who", equalTo("9001"))
                    .body("find { it.action == 'PROMOTION_SET' }.detail", containsString("L-0001-W10"));
        } finally {
            given().auth().oauth2(manager).delete("/api/manager/promotions/L-0001-W10").then().statusCode(204);
        }
        assertEquals(150, scanWater().getLong("totalMinor"), "ended: HQ's price again");
        given().auth().oauth2(manager).delete("/api/manager/promotions/L-0001-W10").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse put(String manager, String code, String body) {
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body(body)
                .put("/api/manager/promotions/" + code).then();
    }

    /** One water in a new sale at lane 15. */
    private static JsonPath scanWater() {
        String till = TestReplica.signInWithShift("15");
        String sale = given().header("X-Till-Token", till).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        return given().header("X-Till-Token", till).contentType(ContentType.JSON)
                .body("{\"code\":\"" + TestReplica.WATER + "\",\"quantity\":1}").post("/api/till/sales/" + sale
                        + "/lines").then().statusCode(200).extract().jsonPath();
    }
}
