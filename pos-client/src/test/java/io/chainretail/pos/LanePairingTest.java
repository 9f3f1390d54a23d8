package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A till nobody has paired says so, takes the manager's one-time code, keeps the lane key it gets in a file
 * only its user reads, and asks for a code again once the agent no longer takes the key.
 */
@QuarkusTest
@TestProfile(FakeAgent.Unpaired.class)
class LanePairingTest {

    private static final String SIGN_IN = "{\"cashier\":\"1001\",\"pin\":\"1234\"}";

    @ConfigProperty(name = "pos.data-dir")
    String dataDir;

    @ConfigProperty(name = "pos.agent-url")
    String agentUrl;

    @Test
    void aTillIsPairedWithTheManagersCodeAndKeepsItsKey() throws Exception {
        given().get("/api/state").then().statusCode(200).body("paired", equalTo(false));
        given().contentType("application/json").body(SIGN_IN).post("/api/signin").then().statusCode(401)
                .body("code", equalTo("LANE_NOT_PAIRED"));
        given().contentType("application/json").body("{\"code\":\"WRONG\"}").post("/api/pair").then()
                .statusCode(401).body("code", equalTo("PAIRING_CODE_WRONG"));
        given().contentType("application/json").body("{\"code\":\" " + FakeAgent.PAIRING_CODE + " \"}")
                .post("/api/pair").then().statusCode(200).body("paired", equalTo(true));

        Path keyFile = Path.of(dataDir, "lane-01.key");
        assertEquals("fake-lane-key", Files.readString(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        given().contentType("application/json").body(SIGN_IN).post("/api/signin").then().statusCode(200);

        // The manager unpaired the lane: the till forgets the key and asks for a code again.
        FakeAgent.unpair(agentUrl);
        given().contentType("application/json").body(SIGN_IN).post("/api/signin").then().statusCode(401)
                .body("code", equalTo("LANE_NOT_PAIRED"));
        given().get("/api/state").then().body("paired", equalTo(false));
        assertFalse(Files.exists(keyFile));
    }
}
