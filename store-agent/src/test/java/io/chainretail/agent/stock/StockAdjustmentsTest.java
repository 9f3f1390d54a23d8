package io.chainretail.agent.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.agent.uplink.JournalEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The store manager books apples in, writes some off with a reason, counts the rest; each moves
 * the ledger and is journaled for HQ; nonsense is refused and changes nothing; cashiers cannot.
 */
@QuarkusTest
class StockAdjustmentsTest {

    @Inject
    FeedApplier applier;

    @Test
    void receiveWriteOffAndCountMoveTheBooks() {
        TestReplica.ensure(applier);
        String manager = TestReplica.managerToken();
        long start = given().auth().oauth2(manager).get("/api/stock/A-1").then().statusCode(200).extract()
                .<Number>path("quantity").longValue();
        long journalBefore = journaled();

        adjust(manager, "RECEIVED", 24, "delivery note DN-7781").statusCode(200)
                .body("quantity", equalTo((int) start + 24));
        adjust(manager, "DAMAGED", 3, null).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        adjust(manager, "DAMAGED", 3, "dropped, bruised").statusCode(200).body("quantity", equalTo((int) start + 21));
        adjust(manager, "RECEIVED", -5, "x").statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        adjust(manager, "RECEIVED", 1_000_000, "x").statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        adjust(manager, "STOLEN", 1, "x").statusCode(400);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"kind\":\"RECEIVED\",\"quantity\":1}")
                .post("/api/stock/NO-SUCH/adjustments").then().statusCode(404).body("code", equalTo("UNKNOWN_PRODUCT"));
        adjust(manager, "COUNTED", 20, "shelf count").statusCode(200).body("quantity", equalTo(20));
        assertEquals(journalBefore + 3, journaled(), "three movements, three events for HQ; nothing refused");

        String cashier = given().contentType(ContentType.JSON).body("{\"cashier\":\"1001\",\"pin\":\"1234\","
                + "\"lane\":\"15\"}").post("/api/till/signin").then().statusCode(200).extract().path("token");
        adjust(cashier, "RECEIVED", 1, "x").statusCode(403).body("code", equalTo("NOT_A_MANAGER"));
        given().auth().oauth2(manager).get("/api/stock").then().statusCode(200)
                .body("find { it.sku == 'A-1' }.quantity", equalTo(20));
    }

    private static ValidatableResponse adjust(String token, String kind, long quantity, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"" + kind
                + "\",\"quantity\":" + quantity + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}")
                .post("/api/stock/A-1/adjustments").then();
    }

    private static long journaled() {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("kind", "stock"));
    }
}
