package io.chainretail.agent.shift;

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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A lane's day: shift with float, sales, returns with and without receipt, a void, a no-sale, the Z report. */
@QuarkusTest
class ShiftAndReturnTest {

    private static final String LANE = "03";

    @Inject
    FeedApplier applier;

    private String token;

    @Test
    void aShiftFromFloatToZReport() {
        TestReplica.ensure(applier);
        token = given().contentType(ContentType.JSON).body("{\"cashier\":\"1001\",\"pin\":\"1234\",\"lane\":\"" + LANE
                + "\"}").post("/api/till/signin").then().statusCode(200).extract().path("token");
        given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(409)
                .body("code", equalTo("NO_SHIFT"));
        String float100 = "{\"floatMinor\":10000}";
        post("/api/till/shift/open", float100).statusCode(200).body("expectedCashMinor", equalTo(10000));
        post("/api/till/shift/open", float100).statusCode(409).body("code", equalTo("SHIFT_ALREADY_OPEN"));

        // Sale 1: 3 water (4.50) + 2 juice (2 for 8.00) = 12.50, cash 20.00, change 7.50. Sale 2: juice, card.
        int juiceBefore = juiceOnHand();
        String first = sale("{\"type\":\"CASH\",\"amountMinor\":2000}", TestReplica.WATER, 3, TestReplica.JUICE, 2);
        String second = sale("{\"type\":\"CARD\",\"amountMinor\":450}", TestReplica.JUICE, 1, null, 0);
        assertEquals(juiceBefore - 3, juiceOnHand(), "the stock ledger moves with every sold line");

        // The juice line paid 8.00 for 2: one back is 4.00, and the last one takes what is left.
        refund("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":2,\"quantity\":1}]}").statusCode(200)
                .body("totalMinor", equalTo(400)).body("receiptNo", equalTo(3));
        refund("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":2,\"quantity\":2}]}").statusCode(422)
                .body("code", equalTo("RETURN_TOO_MANY")).body("message", containsString("at most 1"));
        refund("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}],\"tender\":\"CARD\"}")
                .statusCode(422).body("code", equalTo("REFUND_TENDER"));
        refund("{\"saleId\":\"" + first + "\",\"lines\":[{\"lineNo\":2,\"quantity\":1}]}").statusCode(200)
                .body("totalMinor", equalTo(400));

        // Without receipt: a cashier's PIN does not approve; a manager's does. Today's price, 1.50.
        String noReceipt = "{\"lines\":[{\"code\":\"" + TestReplica.WATER + "\",\"quantity\":1}],\"approver\":\"%s\","
                + "\"pin\":\"%s\",\"reason\":\"gift\"}";
        refund(String.format(noReceipt, "1001", "1234")).statusCode(403)
                .body("code", equalTo("MANAGER_APPROVAL_REQUIRED"));
        refund(String.format(noReceipt, "9001", "9999")).statusCode(200).body("totalMinor", equalTo(150))
                .body("approver", equalTo("9001"));

        post("/api/till/returns/void/" + second, "{\"approver\":\"1001\",\"pin\":\"1234\"}").statusCode(403);
        post("/api/till/returns/void/" + second, "{\"approver\":\"9001\",\"pin\":\"9999\"}").statusCode(200)
                .body("kind", equalTo("VOID")).body("tenders[0].type", equalTo("CARD"))
                .body("tenders[0].amountMinor", equalTo(450));
        post("/api/till/returns/void/" + second, "{\"approver\":\"9001\",\"pin\":\"9999\"}").statusCode(409)
                .body("code", equalTo("ALREADY_RETURNED"));
        assertEquals(juiceBefore, juiceOnHand(), "two juices returned and one voided are back in stock");
        post("/api/till/shift/no-sale", "{\"approver\":\"1001\",\"pin\":\"1234\"}").statusCode(403);
        post("/api/till/shift/no-sale", "{\"approver\":\"9001\",\"pin\":\"9999\",\"reason\":\"change\"}")
                .statusCode(200);

        // Cash: 100.00 float + 20.00 - 7.50 change - 4.00 - 4.00 - 1.50 refunds = 103.00.
        given().header("X-Till-Token", token).get("/api/till/shift").then().statusCode(200)
                .body("sales", equalTo(2)).body("returns", equalTo(4)).body("salesMinor", equalTo(1700))
                .body("returnsMinor", equalTo(1400)).body("noSales", equalTo(1))
                .body("expectedCashMinor", equalTo(10300));
        long journalBefore = QuarkusTransaction.requiringNew().call(() -> JournalEntry.count());
        post("/api/till/shift/close", "{\"counted\":[{\"valueMinor\":10000,\"count\":1},{\"valueMinor\":100,"
                + "\"count\":2}]}").statusCode(200).body("zNo", equalTo(1)).body("countedCashMinor", equalTo(10200))
                .body("varianceMinor", equalTo(-100)).body("firstReceiptNo", equalTo(1))
                .body("lastReceiptNo", equalTo(6));
        assertEquals(journalBefore + 1, QuarkusTransaction.requiringNew().call(() -> JournalEntry.count()));
        given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(409)
                .body("code", equalTo("NO_SHIFT"));

        // The store manager's day: this lane's Z report with its variance, and the day's sums.
        String manager = TestReplica.managerToken();
        String z = "shifts.find { it.lane == '" + LANE + "' && !it.open }.";
        given().auth().oauth2(manager).get("/api/manager/shifts").then().statusCode(200)
                .body(z + "zNo", equalTo(1)).body(z + "varianceMinor", equalTo(-100))
                .body(z + "countedCashMinor", equalTo(10200)).body(z + "closedBy", equalTo("1001"))
                .body(z + "tenders.find { it.type == 'CARD' }.inMinor", equalTo(450));
        given().auth().oauth2(manager).get("/api/manager/shifts?day=2020-01-01").then().statusCode(200)
                .body("shifts.findAll { !it.open }.size()", equalTo(0));
        given().auth().oauth2(manager).get("/api/manager/shifts?day=yesterday").then().statusCode(422)
                .body("code", equalTo("INVALID_DAY"));
        given().auth().oauth2(token).get("/api/manager/shifts").then().statusCode(403); // a cashier

        // The store's audit trail names the manager of each approval, and who closed the shift.
        String act = "find { it.action == '%s' && it.detail.contains('lane " + LANE + "') }.who";
        given().auth().oauth2(manager).get("/api/manager/audit").then().statusCode(200)
                .body(String.format(act, "NO_SALE_APPROVED"), equalTo("9001"))
                .body(String.format(act, "RETURN_APPROVED"), equalTo("9001"))
                .body(String.format(act, "VOID_APPROVED"), equalTo("9001"))
                .body(String.format(act, "SHIFT_CLOSED"), equalTo("1001"))
                .body("find { it.action == 'SHIFT_CLOSED' && it.detail.contains('lane " + LANE + "') }.detail",
                        containsString("variance -1.00"));
    }

    private String sale(String tender, String code, int quantity, String code2, int quantity2) {
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        post("/api/till/sales/" + sale + "/lines", "{\"code\":\"" + code + "\",\"quantity\":" + quantity + "}")
                .statusCode(200);
        if (code2 != null) {
            post("/api/till/sales/" + sale + "/lines", "{\"code\":\"" + code2 + "\",\"quantity\":" + quantity2 + "}")
                    .statusCode(200);
        }
        post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[" + tender + "]}").statusCode(200);
        return sale;
    }

    private static int juiceOnHand() {
        String manager = TestReplica.managerToken();
        return given().auth().oauth2(manager).get("/api/stock/J-1").then().statusCode(200).extract().path("quantity");
    }

    private ValidatableResponse refund(String body) {
        return post("/api/till/returns", body);
    }

    private ValidatableResponse post(String path, String body) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON).body(body).post(path).then();
    }
}
