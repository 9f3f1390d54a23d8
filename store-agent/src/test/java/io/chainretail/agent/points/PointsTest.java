package io.chainretail.agent.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Points at the till with HQ unreachable (no broker in this test): earned on what is paid otherwise,
 * redeemed as a tender, capped by the member's offline allowance (100 of M0001's 500).
 */
@QuarkusTest
class PointsTest {

    @Inject
    FeedApplier applier;

    private String token;

    @Test
    void offlineRedemptionStopsAtTheAllowanceAndEveryPointIsJournaled() throws Exception {
        TestReplica.ensure(applier);
        token = TestReplica.signInWithShift("07");

        String noMember = sale(false);
        pay(noMember, "{\"type\":\"POINTS\",\"amountMinor\":100},{\"type\":\"CASH\",\"amountMinor\":350}")
                .statusCode(422).body("code", equalTo("POINTS_NEED_MEMBER"));

        // 3 water at the member price with 5% off: 3.42.
        String first = sale(true);
        pay(first, "{\"type\":\"POINTS\",\"amountMinor\":150},{\"type\":\"CASH\",\"amountMinor\":192}")
                .statusCode(422).body("code", equalTo("POINTS_NEED_HQ")).body("message", containsString("100"));
        pay(first, "{\"type\":\"POINTS\",\"amountMinor\":100},{\"type\":\"CASH\",\"amountMinor\":242}")
                .statusCode(200).body("status", equalTo("COMPLETED"));
        SaleCompleted journaled = new SyncCodec().readPayload(QuarkusTransaction.requiringNew().call(() ->
                JournalEntry.<JournalEntry>find("order by position desc").firstResult().payload), SaleCompleted.class);
        assertEquals(100, journaled.pointsRedeemed());
        assertEquals(2, journaled.pointsEarned(), "3.42 - 1.00 in points: 2 whole yuan");
        assertTrue(journaled.offline());

        // Points come back with the goods: earned ones taken back, the part paid in points refunded in points.
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .post("/api/till/returns").then().statusCode(200).body("totalMinor", equalTo(114))
                .body("tenders.find { it.type == 'POINTS' }.amountMinor", equalTo(33))
                .body("tenders.find { it.type == 'CASH' }.amountMinor", equalTo(81));
        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":1,\"quantity\":2}]}")
                .post("/api/till/returns").then().statusCode(200).body("totalMinor", equalTo(228))
                .body("tenders.find { it.type == 'POINTS' }.amountMinor", equalTo(67));
        String lastJournaled = QuarkusTransaction.requiringNew().call(() ->
                JournalEntry.<JournalEntry>find("order by position desc").firstResult().payload);
        ReturnCompleted last = new SyncCodec().readPayload(lastJournaled, ReturnCompleted.class);
        assertEquals(1, last.pointsReversed(), "2 earned: 1 back with the first unit, the rest with the last two");
        assertEquals(67, last.pointsRestored());

        String second = sale(true);
        pay(second, "{\"type\":\"POINTS\",\"amountMinor\":1},{\"type\":\"CASH\",\"amountMinor\":341}")
                .statusCode(422).body("code", equalTo("POINTS_NEED_HQ"));
    }

    @Test
    void twoLanesCannotSpendTheSamePointsAtOnce() throws Exception {
        TestReplica.ensure(applier);
        String lane8 = TestReplica.signInWithShift("08");
        String lane9 = TestReplica.signInWithShift("09");
        String[] sales = {memberSale(lane8, "M0002"), memberSale(lane9, "M0002")};
        String[] tokens = {lane8, lane9};
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<java.util.concurrent.Future<Integer>> paid = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int lane = i;
            paid.add(lanes.submit(() -> {
                together.await();
                return given().header("X-Till-Token", tokens[lane]).contentType(ContentType.JSON)
                        .body("{\"tenders\":[{\"type\":\"POINTS\",\"amountMinor\":80},{\"type\":\"CASH\","
                                + "\"amountMinor\":262}]}")
                        .post("/api/till/sales/" + sales[lane] + "/complete").then().extract().statusCode();
            }));
        }
        java.util.List<Integer> statuses = java.util.List.of(paid.get(0).get(), paid.get(1).get());
        lanes.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "M0002's 100 points pay once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
    }

    private static String memberSale(String lane, String member) {
        String sale = given().header("X-Till-Token", lane).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", lane).contentType(ContentType.JSON).body("{\"code\":\"" + TestReplica.WATER
                + "\",\"quantity\":3}").post("/api/till/sales/" + sale + "/lines").then().statusCode(200);
        given().header("X-Till-Token", lane).contentType(ContentType.JSON).body("{\"cardOrPhone\":\"" + member
                + "\"}").put("/api/till/sales/" + sale + "/member").then().statusCode(200);
        return sale;
    }

    private String sale(boolean member) {
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + TestReplica.WATER
                + "\",\"quantity\":3}").post("/api/till/sales/" + sale + "/lines").then().statusCode(200);
        if (member) {
            given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"cardOrPhone\":\"M0001\"}")
                    .put("/api/till/sales/" + sale + "/member").then().statusCode(200)
                    .body("totalMinor", equalTo(342));
        }
        return sale;
    }

    private ValidatableResponse pay(String sale, String tenders) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[" + tenders + "]}").post("/api/till/sales/" + sale + "/complete").then();
    }
}
