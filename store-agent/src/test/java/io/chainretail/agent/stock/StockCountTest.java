package io.chainretail.agent.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A stock count of the drinks category: products outside it and nonsense are refused, each product counted is
 * compared with the books then, the variance report gives the differences in units and money and what nobody
 * counted, and posting moves the books by the differences once.
 */
@io.quarkus.test.junit.QuarkusTest
class StockCountTest {

    @Inject
    FeedApplier applier;

    @Test
    void aCategoryIsCountedItsVariancesReportedAndPostedOnce() {
        TestReplica.ensure(applier);
        String manager = TestReplica.managerToken();
        book(manager, "W-1", 10);
        book(manager, "J-1", 5);
        if (onHand(manager, "J-1") == 0) {
            book(manager, "J-1", 1); // other tests sell juice: the books must hold some for the report to list it
        }
        long water = onHand(manager, "W-1");

        String countId = call(manager, "POST", "/api/stock/counts", "{\"kind\":\"CATEGORY\",\"category\":"
                + "\"DRINKS\"}").statusCode(200).body("state", equalTo("OPEN")).extract().path("countId");
        call(manager, "POST", "/api/stock/counts", "{\"kind\":\"STORE\"}").statusCode(409)
                .body("code", equalTo("COUNT_OPEN"));
        call(manager, "POST", "/api/stock/counts", "{\"kind\":\"CATEGORY\"}").statusCode(400)
                .body("field", equalTo("category"));
        count(manager, countId, "A-1", 3).statusCode(400).body("code", equalTo("OUTSIDE_COUNT"));
        count(manager, countId, "W-1", -1).statusCode(422).body("code", equalTo("INVALID_QUANTITY"));
        count(manager, countId, "NO-SUCH", 1).statusCode(404).body("code", equalTo("UNKNOWN_PRODUCT"));
        count(manager, countId, "W-1", water - 2).statusCode(200).body("lines[0].variance", equalTo(-2))
                .body("lines[0].varianceMinor", equalTo(-300)).body("notCounted.sku", hasItem("J-1"));

        call(manager, "POST", "/api/stock/counts/" + countId + "/post", null).statusCode(200)
                .body("state", equalTo("POSTED")).body("varianceUnits", equalTo(-2));
        assertEquals(water - 2, onHand(manager, "W-1"), "the books moved by the difference");
        count(manager, countId, "W-1", 1).statusCode(409).body("code", equalTo("COUNT_CLOSED"));
        call(manager, "POST", "/api/stock/counts/" + countId + "/post", null).statusCode(409);
        assertEquals(water - 2, onHand(manager, "W-1"), "posted once");
        given().auth().oauth2(manager).get("/api/stock/counts/current").then().statusCode(404);
    }

    private static void book(String manager, String sku, long units) {
        call(manager, "POST", "/api/stock/" + sku + "/adjustments", "{\"kind\":\"RECEIVED\",\"quantity\":" + units
                + "}").statusCode(200);
    }

    private static long onHand(String manager, String sku) {
        return given().auth().oauth2(manager).get("/api/stock/" + sku).then().extract().<Number>path("quantity")
                .longValue();
    }

    private static ValidatableResponse count(String manager, String countId, String sku, long counted) {
        return call(manager, "PUT", "/api/stock/counts/" + countId + "/lines/" + sku, "{\"counted\":" + counted + "}");
    }

    private static ValidatableResponse call(String manager, String method, String path, String body) {
        var request = given().auth().oauth2(manager);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path).then();
    }
}
