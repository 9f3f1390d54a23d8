package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.hq.feed.OutboxEntry;
import io.chainretail.hq.store.Store;
import io.chainretail.hq.store.StoreService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every store has a limit on how far its manager may move a price where HQ set no bound for the product: its
 * own, or the chain's default ({@code hq.pricing.default-price-override-max-bp}, 5000 bp), sent in its record.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class StorePriceLimitTest {

    @Inject
    StoreService stores;

    @Test
    void aStoreGivenNoLimitHasTheChainsDefaultAndOneGivenALimitKeepsIt() {
        given().contentType(ContentType.JSON).body("{\"code\":\"PL-1\",\"name\":\"Store PL-1\"}").post("/api/stores")
                .then().statusCode(201).body("priceOverrideMaxBp", equalTo(5000));
        given().contentType(ContentType.JSON).body("{\"code\":\"PL-1\",\"name\":\"Store PL-1\","
                + "\"priceOverrideMaxBp\":1500}").put("/api/stores/PL-1").then().statusCode(200)
                .body("priceOverrideMaxBp", equalTo(1500));
        assertTrue(newestStoreRecord("PL-1").contains("\"priceOverrideMaxBp\":1500"), "the store is told");

        long before = outboxSize();
        given().contentType(ContentType.JSON).body("{\"code\":\"PL-1\",\"name\":\"Store PL-1\","
                + "\"priceOverrideMaxBp\":10001}").put("/api/stores/PL-1").then().statusCode(400)
                .body("field", equalTo("priceOverrideMaxBp"));
        assertEquals(before, outboxSize(), "nothing refused is sent");
        given().get("/api/stores").then().body("find { it.code == 'PL-1' }.priceOverrideMaxBp", equalTo(1500));
    }

    @Test
    void aStoreFromBeforeTheLimitGetsTheDefaultAndItsRecordAgain() {
        given().contentType(ContentType.JSON).body("{\"code\":\"PL-2\",\"name\":\"Store PL-2\"}").post("/api/stores")
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> Store.update("priceOverrideMaxBp = null where code = ?1",
                "PL-2"));

        assertTrue(stores.giveDefaultPriceLimits() >= 1);
        assertEquals(5000, QuarkusTransaction.requiringNew().call(() -> Store.<Store>findById("PL-2")
                .priceOverrideMaxBp));
        assertTrue(newestStoreRecord("PL-2").contains("\"priceOverrideMaxBp\":5000"));
        assertEquals(0, stores.giveDefaultPriceLimits(), "given once");
    }

    private static String newestStoreRecord(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                "schemaId = 'catalog.store.v1' and payload like ?1 order by seq desc", "%\"code\":\"" + code + "\"%")
                .firstResult().payload);
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
    }
}
