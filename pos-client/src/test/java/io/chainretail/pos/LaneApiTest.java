package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LaneApiTest {

    @Test
    void servesTheCashierPage() {
        given().get("/").then().statusCode(200).body(containsString("Scan or type a barcode"));
        given().get("/api/state").then().statusCode(200).body("signedIn", equalTo(false)).body("lane", equalTo("01"));
    }

    @Test
    void tellsTheCashierWhenTheStoreServerIsUnreachable() {
        given().contentType(ContentType.JSON).body("{\"cashier\":\"1001\",\"pin\":\"1234\"}").post("/api/signin")
                .then().statusCode(503).body("code", equalTo("STORE_SERVER_UNREACHABLE"))
                .body("message", containsString("not answering"));
    }

    @Test
    void refusesPaymentWithoutASignedInCashier() {
        given().contentType(ContentType.JSON).body("{\"amountMinor\":100}").post("/api/sale/pay-cash")
                .then().statusCode(401).body("code", equalTo("SIGNED_OUT"));
    }
}
