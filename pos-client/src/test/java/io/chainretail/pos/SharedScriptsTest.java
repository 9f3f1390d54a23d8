package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The scripts every application shares come from retail-core, served beside the till's own page. */
@QuarkusTest
class SharedScriptsTest {

    @Test
    void theSharedMoneyScriptIsServed() {
        given().get("/common/money.js").then().statusCode(200).body(containsString("const Money"));
        given().get("/").then().statusCode(200).body(containsString("/common/money.js"));
    }
}
