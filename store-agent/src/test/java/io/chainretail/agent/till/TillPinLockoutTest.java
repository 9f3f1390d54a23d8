package io.chainretail.agent.till;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.TestReplica;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.core.time.MovableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * A 4-digit PIN must not be guessable: five wrong PINs in a row lock the id, at sign-in and at a
 * manager's approval alike, and then even the right PIN is refused until the lock ends, by itself.
 */
@QuarkusTest
class TillPinLockoutTest {

    @Inject
    FeedApplier applier;
    @Inject
    AgentConfig config;

    @Test
    void fiveWrongPinsLockACashier() {
        for (int i = 0; i < 5; i++) {
            signIn("1002", "000" + i).statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        signIn("1002", "2222").statusCode(401).body("code", equalTo("PIN_LOCKED"));
        signIn("1001", "1234").statusCode(200); // another cashier is not affected
        signIn("1002", "2222", "21").statusCode(200); // nor the same one at another lane
    }

    @Test
    void aLockEndsByItselfAfterItsTime() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, InstantSource.class);
        for (int i = 0; i < config.maxPinFailures(); i++) {
            signIn("1002", "000" + i, "14").statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        clock.advance(config.pinLockout().minusSeconds(1));
        signIn("1002", "2222", "14").statusCode(401).body("code", equalTo("PIN_LOCKED"))
                .body("message", containsString("1 more minute"));
        clock.advance(Duration.ofSeconds(1));
        signIn("1002", "2222", "14").statusCode(200);
    }

    @Test
    void wrongApprovalPinsAtALaneLockTheManagerAtThatLaneOnly() {
        TestReplica.ensure(applier);
        String token = TestReplica.signInWithShift("22");
        for (int i = 0; i < 5; i++) {
            noSale(token, "9002", "111" + i).statusCode(403).body("code", equalTo("MANAGER_APPROVAL_REQUIRED"));
        }
        noSale(token, "9002", "8888").statusCode(401).body("code", equalTo("PIN_LOCKED"));
        signIn("9002", "8888", "22").statusCode(401).body("code", equalTo("PIN_LOCKED"));
        // A cashier typing wrong PINs at their lane does not lock the manager out of every other till.
        signIn("9002", "8888", "23").statusCode(200);
    }

    @Test
    void wrongPinsForManyIdsAtALaneLockTheLane() {
        String[] ids = {"1001", "9001", "1002", "9002"};
        for (int i = 0; i < 10; i++) {
            signIn(ids[i % ids.length], "000" + (i % 10), "24").statusCode(401);
        }
        signIn("1001", "1234", "24").statusCode(401).body("code", equalTo("PIN_LOCKED"))
                .body("message", containsString("lane 24"));
        signIn("1001", "1234", "25").statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse signIn(String cashier, String pin) {
        return signIn(cashier, pin, "13");
    }

    private static io.restassured.response.ValidatableResponse signIn(String cashier, String pin, String lane) {
        return given().contentType(ContentType.JSON).body("{\"cashier\":\"" + cashier + "\",\"pin\":\"" + pin
                + "\",\"lane\":\"" + lane + "\"}").post("/api/till/signin").then();
    }

    private static io.restassured.response.ValidatableResponse noSale(String token, String approver, String pin) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"approver\":\""
                + approver + "\",\"pin\":\"" + pin + "\",\"reason\":\"test\"}").post("/api/till/shift/no-sale").then();
    }
}
