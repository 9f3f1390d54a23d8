package io.chainretail.agent.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A basket parked at one lane and finished at another; open baskets are saved so a restart keeps them. */
@QuarkusTest
class SuspendAndRestoreTest {

    @Inject
    FeedApplier applier;

    @Inject
    DraftStore baskets;

    @Test
    void aSuspendedSaleIsResumedAtAnotherLaneAndSavedUntilCompleted() {
        TestReplica.ensure(applier);
        String lane5 = TestReplica.signInWithShift("05");
        String lane6 = TestReplica.signInWithShift("06");
        String sale = given().header("X-Till-Token", lane5).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", lane5).contentType(ContentType.JSON).body("{\"code\":\"" + TestReplica.JUICE
                + "\",\"quantity\":2}").post("/api/till/sales/" + sale + "/lines").then().statusCode(200);
        given().header("X-Till-Token", lane5).contentType(ContentType.JSON).body("{\"code\":\"C10\"}")
                .post("/api/till/sales/" + sale + "/coupons").then().statusCode(200);

        // Saved as the cashier made it, for a restarted agent to rebuild: codes and coupons, not prices.
        baskets.flush(); // written behind the scan within moments; here at once
        String savedBasket = QuarkusTransaction.requiringNew().call(() -> OpenSale.<OpenSale>findById(sale).payload);
        assertTrue(savedBasket.contains(TestReplica.JUICE) && savedBasket.contains("C10"), savedBasket);

        given().header("X-Till-Token", lane5).post("/api/till/sales/" + sale + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        given().header("X-Till-Token", lane5).contentType(ContentType.JSON).body("{\"code\":\"" + TestReplica.WATER
                + "\"}").post("/api/till/sales/" + sale + "/lines").then().statusCode(409)
                .body("code", equalTo("SALE_SUSPENDED"));
        given().header("X-Till-Token", lane6).get("/api/till/suspended").then().statusCode(200)
                .body("saleId", hasItem(sale));

        given().header("X-Till-Token", lane6).post("/api/till/sales/" + sale + "/resume").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("lane", equalTo("06")).body("totalMinor", equalTo(800));
        given().header("X-Till-Token", lane6).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":800}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200).body("lane", equalTo("06"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> OpenSale.findById(sale)),
                "a completed sale is no longer saved as open");
        given().header("X-Till-Token", lane6).post("/api/till/sales/" + sale + "/resume").then().statusCode(404);
    }
}
