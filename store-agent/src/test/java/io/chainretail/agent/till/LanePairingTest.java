package io.chainretail.agent.till;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.till.TillApi;
import io.chainretail.core.time.MovableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cashier signs in only at a lane whose till the manager paired: a one-time code from the manager
 * console, traded once by the till for a key of its own, sent with each sign-in.
 */
@QuarkusTest
@TestProfile(LanePairingTest.PairingRequired.class)
class LanePairingTest {

    /** Pairing on, as in production. */
    public static final class PairingRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agent.lane-pairing.required", "true");
        }
    }

    private final MovableClock clock = new MovableClock();
    private String manager;

    @BeforeEach
    void managerSignsIn() {
        QuarkusMock.installMockForType(clock, InstantSource.class);
        manager = given().contentType("application/json").body("{\"id\":\"9001\",\"pin\":\"9999\"}")
                .post("/api/manager/signin").then().statusCode(200).extract().path("token");
    }

    @Test
    void anUnpairedLaneSignsNoOneIn() {
        signIn("31", null).statusCode(401).body("code", equalTo("LANE_NOT_PAIRED"));
        signIn("31", "a-guessed-key").statusCode(401).body("code", equalTo("LANE_NOT_PAIRED"));
        // Asked before the PIN: an unpaired machine's wrong PINs lock no one out.
        for (int i = 0; i < 6; i++) {
            given().contentType("application/json").body("{\"cashier\":\"1001\",\"pin\":\"0000\",\"lane\":\"31\"}")
                    .post("/api/till/signin").then().statusCode(401).body("code", equalTo("LANE_NOT_PAIRED"));
        }
        String key = pair("31");
        signIn("31", key).statusCode(200);
    }

    @Test
    void aCodeIsTradedOnceForAKeyOfThatLaneOnly() {
        String code = issueCode("32");
        assertEquals(8, code.length());
        given().contentType("application/json").body("{\"lane\":\"33\",\"code\":\"" + code + "\"}")
                .post("/api/till/pair").then().statusCode(401).body("code", equalTo("PAIRING_CODE_WRONG"));
        String key = given().contentType("application/json").body("{\"lane\":\"32\",\"code\":\""
                + code.toLowerCase() + "\"}").post("/api/till/pair").then().statusCode(200)
                .body("lane", equalTo("32")).extract().path("key");
        given().contentType("application/json").body("{\"lane\":\"32\",\"code\":\"" + code + "\"}")
                .post("/api/till/pair").then().statusCode(401).body("code", equalTo("PAIRING_CODE_WRONG"));
        signIn("32", key).statusCode(200);
        signIn("33", key).statusCode(401).body("code", equalTo("LANE_NOT_PAIRED"));
        given().auth().oauth2(manager).get("/api/manager/lanes").then().statusCode(200)
                .body("find { it.lane == '32' }.paired", equalTo(true))
                .body("find { it.lane == '32' }.pairedBy", equalTo("9001"));
    }

    @Test
    void aCodeIsGoneAfterFiveWrongTriesOrOnceExpired() {
        String code = issueCode("34");
        for (int i = 0; i < LanePairings.MAX_CODE_FAILURES; i++) {
            given().contentType("application/json").body("{\"lane\":\"34\",\"code\":\"WRONG" + i + "\"}")
                    .post("/api/till/pair").then().statusCode(401);
        }
        given().contentType("application/json").body("{\"lane\":\"34\",\"code\":\"" + code + "\"}")
                .post("/api/till/pair").then().statusCode(401).body("code", equalTo("PAIRING_CODE_WRONG"));

        String late = issueCode("35");
        clock.advance(Duration.ofMinutes(16));
        given().contentType("application/json").body("{\"lane\":\"35\",\"code\":\"" + late + "\"}")
                .post("/api/till/pair").then().statusCode(401).body("code", equalTo("PAIRING_CODE_WRONG"));
    }

    @Test
    void pairingAgainReplacesTheKeyAndUnpairingSignsTheLaneOut() {
        String first = pair("36");
        String second = pair("36");
        signIn("36", first).statusCode(401);
        String token = signIn("36", second).statusCode(200).extract().path("token");
        given().header("X-Till-Token", token).get("/api/till/shift").then().statusCode(org.hamcrest.Matchers.not(401));

        given().auth().oauth2(manager).delete("/api/manager/lanes/36/pairing").then().statusCode(204);
        given().header("X-Till-Token", token).get("/api/till/shift").then().statusCode(401);
        signIn("36", second).statusCode(401).body("code", equalTo("LANE_NOT_PAIRED"));
        given().auth().oauth2(manager).get("/api/manager/lanes").then()
                .body("lane", org.hamcrest.Matchers.not(hasItem("36")));
    }

    @Test
    void onlyAManagerIssuesCodes() {
        given().post("/api/manager/lanes/37/pairing-code").then().statusCode(401);
        given().get("/api/manager/lanes").then().statusCode(401);
        given().auth().oauth2(manager).post("/api/manager/lanes/not a lane/pairing-code").then().statusCode(400)
                .body("code", equalTo("LANE_INVALID"));
        assertTrue(issueCode("37").matches("[A-Z2-9]{8}"));
    }

    @Test
    void aManagersConsoleSessionIsNoTill() {
        given().header("X-Till-Token", manager).post("/api/till/sales").then().statusCode(403)
                .body("code", equalTo("NOT_A_TILL"));
        given().header("X-Till-Token", manager).get("/api/till/shift").then().statusCode(403);
    }

    private String issueCode(String lane) {
        return given().auth().oauth2(manager).post("/api/manager/lanes/" + lane + "/pairing-code").then()
                .statusCode(200).body("lane", equalTo(lane)).extract().path("code");
    }

    private String pair(String lane) {
        return given().contentType("application/json").body("{\"lane\":\"" + lane + "\",\"code\":\""
                + issueCode(lane) + "\"}").post("/api/till/pair").then().statusCode(200).extract().path("key");
    }

    private static ValidatableResponse signIn(String lane, String key) {
        var request = given().contentType("application/json");
        if (key != null) {
            request = request.header(TillApi.LANE_KEY_HEADER, key);
        }
        return request.body("{\"cashier\":\"1001\",\"pin\":\"1234\",\"lane\":\"" + lane + "\"}")
                .post("/api/till/signin").then();
    }
}
