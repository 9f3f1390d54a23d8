package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.hq.feed.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class ProductApiTest {

    @Test
    void createsAProductAndWritesItsDeltasToTheOutbox() {
        long before = outboxSize();
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-1\",\"name\":\"矿泉水 550ml\",\"barcodes\":[\"6901234567892\"],\"priceMinor\":150}")
                .post("/api/products")
                .then().statusCode(200).body("name", equalTo("矿泉水 550ml")).body("currency", equalTo("CNY"));

        given().get("/api/products/T-1").then().statusCode(200).body("barcodes[0]", equalTo("6901234567892"));
        assertEquals(before + 2, outboxSize(),
                "one catalog delta and one price delta");
    }

    @Test
    void rejectsAnInvalidGtinAndStoresNothing() {
        long before = outboxSize();
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-2\",\"name\":\"Bad\",\"barcodes\":[\"6901234567893\"],\"priceMinor\":150}")
                .post("/api/products")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD")).body("field", equalTo("barcodes[0]"))
                .body("message", containsString("should end in 2"));
        given().get("/api/products/T-2").then().statusCode(404);
        assertEquals(before, outboxSize());
    }

    @Test
    void rejectsANegativePriceWithTheFieldName() {
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-3\",\"name\":\"Bad\",\"barcodes\":[],\"priceMinor\":-1}")
                .post("/api/products")
                .then().statusCode(400).body("field", equalTo("priceMinor"))
                .body("message", containsString("negative"));
        given().get("/api/products/T-3").then().statusCode(404);
    }

    @Test
    void refusesABarcodeThatBelongsToAnotherProduct() {
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-4\",\"name\":\"A\",\"barcodes\":[\"4006381333931\"],\"priceMinor\":100}")
                .post("/api/products").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-5\",\"name\":\"B\",\"barcodes\":[\"4006381333931\"],\"priceMinor\":100}")
                .post("/api/products").then().statusCode(409).body("code", equalTo("BARCODE_IN_USE"));
    }

    @Test
    void refusesAPriceInAnotherCurrencyThanTheChainsAndAFractionOfAMinorUnit() {
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-7\",\"name\":\"Import\",\"barcodes\":[],\"priceMinor\":100,\"currency\":\"USD\"}")
                .post("/api/products").then().statusCode(400).body("field", equalTo("currency"))
                .body("message", containsString("CNY"));
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"T-7\",\"name\":\"Import\",\"barcodes\":[],\"priceMinor\":1.99}")
                .post("/api/products").then().statusCode(400).body("field", equalTo("priceMinor"));
        given().get("/api/products/T-7").then().statusCode(404);
    }

    @Test
    void createRefusesAnExistingSkuAndPutReplacesIt() {
        String water = "{\"sku\":\"T-6\",\"name\":\"Water\",\"barcodes\":[],\"priceMinor\":100}";
        given().contentType(ContentType.JSON).body(water).post("/api/products").then().statusCode(200);
        given().contentType(ContentType.JSON).body(water.replace("Water", "Juice")).post("/api/products").then()
                .statusCode(409).body("code", equalTo("SKU_EXISTS"));
        given().get("/api/products/T-6").then().statusCode(200).body("name", equalTo("Water"));
        given().contentType(ContentType.JSON).body(water.replace("Water", "Juice")).put("/api/products/T-6").then()
                .statusCode(200).body("name", equalTo("Juice"));
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
    }

    @Test
    void refusesAStoreCodeTwice() {
        String store = "{\"code\":\"S-9\",\"name\":\"Store 9\"}";
        given().contentType(ContentType.JSON).body(store).post("/api/stores").then().statusCode(201);
        given().contentType(ContentType.JSON).body(store).post("/api/stores").then().statusCode(409)
                .body("code", equalTo("STORE_EXISTS"));
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("hq_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/products"))
                .body(containsString("bearerFormat: opaque"));
    }

    @Test
    void findsProductsBySkuPrefixNameOrBarcode() {
        given().contentType(ContentType.JSON).body("{\"sku\":\"FIND-1\",\"name\":\"Jasmine tea 100% leaf\","
                + "\"barcodes\":[\"6901234567984\"],\"priceMinor\":1200}").post("/api/products").then()
                .statusCode(200);
        given().get("/api/products?q=find-").then().statusCode(200).body("sku", hasItem("FIND-1"));
        given().get("/api/products?q=JASMINE").then().statusCode(200).body("sku", hasItem("FIND-1"));
        given().get("/api/products?q=100%").then().statusCode(200).body("sku", hasItem("FIND-1"));
        given().get("/api/products?q=6901234567984").then().statusCode(200).body("sku", contains("FIND-1"));
        given().get("/api/products?q=no such thing").then().statusCode(200).body("$", empty());
    }
}
