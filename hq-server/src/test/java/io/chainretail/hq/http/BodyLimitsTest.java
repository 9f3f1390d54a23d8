package io.chainretail.hq.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Each endpoint takes a body of its own size: kilobytes to sign in, a megabyte for the API, more for imports. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class BodyLimitsTest {

    @Test
    void aBodyLargerThanItsEndpointTakesIsRefusedBeforeItIsRead() {
        String big = "{\"username\":\"admin\",\"password\":\"" + "x".repeat(20_000) + "\"}";
        given().contentType("application/json").body(big).post("/api/auth/signin").then().statusCode(413)
                .body("code", equalTo("BODY_TOO_LARGE"));
        given().contentType("application/json").body("{\"sku\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/products").then().statusCode(413).body("code", equalTo("BODY_TOO_LARGE"));
        // An import of a few megabytes is read (and refused for what it says, not for its size).
        given().contentType("text/csv").body("sku,name,price_minor\n" + "A,B,1\n".repeat(500_000))
                .post("/api/import/products").then().statusCode(not(equalTo(413)));
    }
}
