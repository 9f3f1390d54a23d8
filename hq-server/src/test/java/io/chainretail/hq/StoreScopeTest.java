package io.chainretail.hq;

import static io.chainretail.hq.IdentityTest.signIn;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.hq.ApiOperations.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every API endpoint, enumerated from HQ's own OpenAPI document so that a new one cannot be forgotten:
 * without a session each answers 401; a store manager of 0001 gets 403 for store 0002 on every endpoint
 * that takes a store, and 403 on every HQ-wide endpoint.
 */
@QuarkusTest
class StoreScopeTest {

    private static String manager;

    @BeforeEach
    void managerOf0001() {
        if (manager != null) {
            return;
        }
        String admin = signIn("admin", "test-admin-password");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Scope test\",\"role\":\"store-manager\",\"store\":\"0001\","
                        + "\"password\":\"scope-test-password\"}").put("/api/users/scope.0001").then().statusCode(200);
        manager = signIn("scope.0001", "scope-test-password");
    }

    @Test
    void everyEndpointWantsASession() throws Exception {
        for (Operation operation : operations()) {
            if (operation.path().equals("/api/auth/signin") || operation.path().startsWith("/api/shop/")) {
                continue; // signing in, and the customers' shop, are open to anyone
            }
            assertEquals(401, call(given(), operation, "0001").statusCode(), operation + " without a session");
        }
    }

    @Test
    void aStoreManagerSeesOnlyTheirOwnStore() throws Exception {
        List<Operation> storeScoped = operations().stream().filter(Operation::takesStore)
                .filter(operation -> !operation.path().startsWith("/api/shop/")).toList();
        assertTrue(storeScoped.size() >= 5, "the store endpoints were found: " + storeScoped);
        for (Operation operation : storeScoped) {
            Response other = call(given().auth().oauth2(manager), operation, "0002");
            assertEquals(403, other.statusCode(), operation + " for another store: " + other.asString());
            if (operation.path().startsWith("/api/broker/")) {
                // Broker credentials are HQ admins' alone, whatever the store: refused by role.
                assertEquals(403, call(given().auth().oauth2(manager), operation, "0001").statusCode());
                continue;
            }
            assertEquals("OTHER_STORE", other.path("code"), operation.toString());
            assertNotEquals(403, call(given().auth().oauth2(manager), operation, "0001").statusCode(),
                    operation + " for their own store");
        }
    }

    @Test
    void aStoreManagerCannotUseHqWideEndpoints() throws Exception {
        for (Operation operation : operations()) {
            if (operation.takesStore() || operation.path().startsWith("/api/auth/")
                    || operation.path().startsWith("/api/shop/")) {
                continue;
            }
            assertEquals(403, call(given().auth().oauth2(manager), operation, "0001").statusCode(),
                    operation + " is for HQ staff");
        }
    }

    private static Response call(RequestSpecification request, Operation operation, String store) {
        RequestSpecification spec = request.queryParam("store", store);
        if (operation.bodyType() != null) {
            spec = spec.contentType(operation.bodyType()).body(operation.bodyType().contains("json") ? "{}" : "");
        }
        return spec.request(operation.method().toUpperCase(), operation.pathFor(store));
    }

    private static List<Operation> operations() throws Exception {
        return ApiOperations.all();
    }
}
