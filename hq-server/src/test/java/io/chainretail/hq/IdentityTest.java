package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.security.PasswordHasher;
import io.chainretail.hq.identity.UserAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and user administration: the first admin, bearer tokens, roles, lockout after repeated
 * failures, sign-out, and what is refused.
 */
@QuarkusTest
class IdentityTest {

    static String signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body("{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}").post("/api/auth/signin").then().statusCode(200).extract().path("token");
    }

    @Test
    void theFirstAdminCreatesAStoreManagerWhoCannotAdministerUsers() {
        String admin = signIn("admin", "test-admin-password");
        given().auth().oauth2(admin).get("/api/auth/me").then().statusCode(200).body("role", equalTo("hq-admin"));
        given().get("/api/users").then().statusCode(401);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Li Na\",\"role\":\"store-manager\",\"store\":\"0001\","
                        + "\"password\":\"manager-0001-pw\"}").put("/api/users/li.na").then().statusCode(200)
                .body("store", equalTo("0001"));
        given().auth().oauth2(admin).get("/api/users").then().statusCode(200).body("username", hasItem("li.na"));
        String stored = QuarkusTransaction.requiringNew().call(() -> UserAccount.<UserAccount>findById("li.na")
                .passwordHash);
        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"), "a slow hash, never the password: " + stored);
        assertTrue(PasswordHasher.matches("manager-0001-pw", stored));
        assertFalse(PasswordHasher.matches("manager-0001-PW", stored));

        String manager = signIn("li.na", "manager-0001-pw");
        given().auth().oauth2(manager).get("/api/auth/me").then().statusCode(200)
                .body("role", equalTo("store-manager")).body("store", equalTo("0001"));
        given().auth().oauth2(manager).get("/api/users").then().statusCode(403);
        given().auth().oauth2("not-a-token").get("/api/auth/me").then().statusCode(401);

        given().auth().oauth2(manager).post("/api/auth/signout").then().statusCode(204);
        given().auth().oauth2(manager).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdminResetsIt() {
        String admin = signIn("admin", "test-admin-password");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Wang Wei\",\"role\":\"hq-staff\",\"password\":\"staff-password-1\"}")
                .put("/api/users/wang.wei").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body("{\"username\":\"wang.wei\",\"password\":\"guess-" + i + "\"}")
                    .post("/api/auth/signin").then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        String locked = given().contentType(ContentType.JSON)
                .body("{\"username\":\"wang.wei\",\"password\":\"guess-4\"}").post("/api/auth/signin").then()
                .statusCode(401).extract().asString();
        String lockedRightPassword = given().contentType(ContentType.JSON)
                .body("{\"username\":\"wang.wei\",\"password\":\"staff-password-1\"}").post("/api/auth/signin")
                .then().statusCode(401).extract().asString();
        String unknown = given().contentType(ContentType.JSON)
                .body("{\"username\":\"no.such.user\",\"password\":\"guess-5\"}").post("/api/auth/signin").then()
                .statusCode(401).extract().asString();
        assertEquals(unknown, locked, "a locked account is answered as an unknown user is");
        assertEquals(unknown, lockedRightPassword);
        given().auth().oauth2(admin).get("/api/users").then().body("find { it.username == 'wang.wei' }.locked",
                equalTo(true));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Wang Wei\",\"role\":\"hq-staff\",\"password\":\"staff-password-2\"}")
                .put("/api/users/wang.wei").then().statusCode(200).body("locked", equalTo(false));
        signIn("wang.wei", "staff-password-2");
        given().contentType(ContentType.JSON).body("{\"username\":\"nobody\",\"password\":\"whatever-it-is\"}")
                .post("/api/auth/signin").then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
    }

    @Test
    void everyChangeAndSignInIsInTheAuditLogWithWhoAndWhen() {
        String admin = signIn("admin", "test-admin-password");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Zhao Lei\",\"role\":\"store-manager\",\"store\":\"0003\","
                        + "\"password\":\"manager-0003-pw\"}").put("/api/users/zhao.lei").then().statusCode(200);
        String manager = signIn("zhao.lei", "manager-0003-pw");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"name\":\"Mine now\"}")
                .put("/api/regions/EAST").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"username\":\"zhao.lei\",\"password\":\"wrong-password\"}")
                .post("/api/auth/signin").then().statusCode(401);

        awaitAudit(admin, "/api/regions/EAST"); // a refusal by role is written an instant later
        given().auth().oauth2(admin).get("/api/audit?limit=50").then().statusCode(200)
                .body("find { it.target == '/api/users/zhao.lei' }.username", equalTo("admin"))
                .body("find { it.target == '/api/users/zhao.lei' }.action", equalTo("PUT"))
                .body("find { it.target == '/api/users/zhao.lei' }.status", equalTo(200))
                .body("find { it.target == '/api/regions/EAST' && it.username == 'zhao.lei' }.status",
                        equalTo(403))
                .body("find { it.target == '/api/regions/EAST' && it.username == 'zhao.lei' }.storeCode",
                        equalTo("0003"))
                .body("findAll { it.action == 'SIGNIN' && it.username == 'zhao.lei' }.target",
                        org.hamcrest.Matchers.hasItems("ok", "bad-credentials"));
        given().auth().oauth2(manager).get("/api/audit").then().statusCode(403);
    }

    private static void awaitAudit(String admin, String target) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!given().auth().oauth2(admin).get("/api/audit?limit=50").asString().contains(target)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no audit entry for " + target);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void refusesUsersThatMakeNoSense() {
        String admin = signIn("admin", "test-admin-password");
        String[][] cases = {
            {"{\"displayName\":\"X\",\"role\":\"boss\",\"password\":\"long-enough-pw\"}", "role"},
            {"{\"displayName\":\"X\",\"role\":\"cashier\",\"password\":\"long-enough-pw\"}", "store"},
            {"{\"displayName\":\"X\",\"role\":\"hq-staff\",\"store\":\"0001\",\"password\":\"long-enough\"}",
                "store"},
            {"{\"displayName\":\"X\",\"role\":\"hq-staff\",\"password\":\"short\"}", "password"},
            {"{\"displayName\":\"X\",\"role\":\"hq-staff\"}", "password"},
        };
        for (String[] bad : cases) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(bad[0]).put("/api/users/x.bad").then()
                    .statusCode(400).body("field", equalTo(bad[1]));
        }
        given().auth().oauth2(admin).get("/api/users").then().body("username", org.hamcrest.Matchers.not(
                hasItem("x.bad")));
    }
}
