package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The signed-in cashier's session belongs to the browser that signed in: a request without its cookie
 * (another browser, curl on the machine, another site's page) can neither act at the lane nor read it.
 */
@QuarkusTest
@TestProfile(FakeAgent.Profile.class)
class TillSessionTest {

    @ConfigProperty(name = "pos.agent-url")
    String agentUrl;

    private String cookieName;
    private String session;

    @BeforeEach
    void signIn() {
        Response signedIn = given().contentType("application/json").body("{\"cashier\":\"1001\",\"pin\":\"1234\"}")
                .post("/api/signin");
        signedIn.then().statusCode(200).body("signedIn", equalTo(true)).body("cashier", equalTo("1001"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        cookieName = signedIn.getDetailedCookies().asList().get(0).getName();
        session = signedIn.getCookie(cookieName);
    }

    @Test
    void theSignedInBrowserWorksTheLane() {
        given().cookie(cookieName, session).get("/api/state").then().statusCode(200)
                .body("signedIn", equalTo(true)).body("cashier", equalTo("1001"));
        given().cookie(cookieName, session).get("/api/shift").then().statusCode(200)
                .body("expectedCashMinor", equalTo(10000));
    }

    @Test
    void anyoneElseIsRefusedAndLearnsNothing() {
        int before = FakeAgent.calls(agentUrl);
        given().contentType("application/json").body("{\"saleId\":\"S-1\",\"lineNo\":1,\"quantity\":1}")
                .post("/api/return").then().statusCode(401).body("code", equalTo("SIGNED_OUT"));
        given().get("/api/shift").then().statusCode(401).body("code", equalTo("SIGNED_OUT"));
        given().cookie(cookieName, "guess").get("/api/shift").then().statusCode(401);
        given().get("/api/state").then().statusCode(200).body("signedIn", equalTo(false))
                .body("cashier", nullValue()).body("lastReceipt", nullValue());
        given().post("/api/signout").then().statusCode(401);
        assertEquals(before, FakeAgent.calls(agentUrl), "nothing refused reached the store agent");
        given().cookie(cookieName, session).get("/api/state").then().body("signedIn", equalTo(true));
    }

    @Test
    void anotherSitesPageCannotSendChanges() {
        given().cookie(cookieName, session).header("Origin", "http://evil.example").post("/api/signout")
                .then().statusCode(403).body("code", equalTo("CROSS_SITE"));
        given().cookie(cookieName, session).header("Sec-Fetch-Site", "cross-site").post("/api/signout")
                .then().statusCode(403);
        given().cookie(cookieName, session).get("/api/state").then().body("signedIn", equalTo(true));
    }

    @Test
    void signingOutEndsTheBrowsersSession() {
        given().cookie(cookieName, session).post("/api/signout").then().statusCode(200)
                .body("signedIn", equalTo(false)).header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie(cookieName, session).get("/api/shift").then().statusCode(401);
    }

    @Test
    void signingInAgainElsewhereEndsTheFirstBrowsersSession() {
        given().contentType("application/json").body("{\"cashier\":\"1001\",\"pin\":\"1234\"}").post("/api/signin")
                .then().statusCode(200);
        given().cookie(cookieName, session).get("/api/shift").then().statusCode(401);
    }
}
