package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.hq.feed.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Master data at HQ: each kind is stored with its delta, and bad input is a 400 naming the field. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class MasterDataApiTest {

    @BeforeEach
    void baseData() {
        put("/api/tax-classes/VAT13", "{\"code\":\"VAT13\",\"name\":\"VAT 13%\",\"rateBp\":1300,\"inclusive\":true}")
                .statusCode(200);
        put("/api/categories/food", "{\"code\":\"food\",\"name\":\"食品\",\"parent\":null,\"active\":true}")
                .statusCode(200);
        put("/api/regions/north", "{\"name\":\"North\"}").statusCode(200);
        put("/api/member-tiers/gold", "{\"name\":\"Gold\"}").statusCode(200);
        put("/api/products/M-1", "{\"sku\":\"M-1\",\"name\":\"大米 5kg\",\"barcodes\":[],\"priceMinor\":3990,"
                + "\"taxClass\":\"VAT13\",\"category\":\"food\"}").statusCode(200);
    }

    @Test
    void aProductNamesAnExistingTaxClass() {
        long before = outboxSize();
        put("/api/products/M-2", "{\"sku\":\"M-2\",\"name\":\"x\",\"barcodes\":[],\"priceMinor\":1,"
                + "\"taxClass\":\"NOPE\"}")
                .statusCode(400).body("code", equalTo("UNKNOWN_TAX_CLASS")).body("field", equalTo("taxClass"));
        given().get("/api/products/M-2").then().statusCode(404);
        assertEquals(before, outboxSize(), "nothing stored, nothing published");
    }

    @Test
    void aWeighedProductNeedsItsPlu() {
        put("/api/products/M-3", "{\"sku\":\"M-3\",\"name\":\"Apples\",\"barcodes\":[],\"priceMinor\":1290,"
                + "\"measure\":\"WEIGHT\"}").statusCode(400).body("field", equalTo("plu"));
        put("/api/products/M-3", "{\"sku\":\"M-3\",\"name\":\"Apples\",\"barcodes\":[],\"priceMinor\":1290,"
                + "\"measure\":\"WEIGHT\",\"plu\":\"00042\"}").statusCode(200).body("plu", equalTo("00042"));
        put("/api/products/M-4", "{\"sku\":\"M-4\",\"name\":\"Pears\",\"barcodes\":[],\"priceMinor\":1290,"
                + "\"measure\":\"WEIGHT\",\"plu\":\"00042\"}").statusCode(409).body("code", equalTo("PLU_IN_USE"));
    }

    @Test
    void aScaleLabelIsNotAProductBarcode() {
        put("/api/products/M-5", "{\"sku\":\"M-5\",\"name\":\"x\",\"barcodes\":[\"" + Gtin.withCheckDigit(
                "250004200735") + "\"],\"priceMinor\":1}").statusCode(400).body("field", equalTo("barcodes[0]"))
                .body("message", containsString("plu"));
    }

    @Test
    void boundsWithTheFloorAboveTheCeilingAreRefused() {
        long before = outboxSize();
        put("/api/price-bounds/B1", "{\"id\":\"B1\",\"sku\":\"M-1\",\"store\":null,\"floorMinor\":5000,"
                + "\"ceilingMinor\":4000}")
                .statusCode(400).body("field", equalTo("floorMinor")).body("message", containsString("ceiling"));
        assertEquals(before, outboxSize());
        put("/api/price-bounds/B1", "{\"id\":\"B1\",\"sku\":\"M-1\",\"store\":null,\"floorMinor\":3500,"
                + "\"ceilingMinor\":4500,\"validFrom\":\"2026-01-01T00:00:00Z\"}").statusCode(200);
        given().get("/api/price-bounds?sku=M-1").then().statusCode(200).body("[0].ceilingMinor", equalTo(4500));
    }

    @Test
    void regionalAndTierPricesAreSetAndRemoved() {
        put("/api/products/M-1/regional-prices/north", "{\"priceMinor\":-5}").statusCode(400)
                .body("field", equalTo("priceMinor"));
        put("/api/products/M-1/regional-prices/south", "{\"priceMinor\":3800}").statusCode(400)
                .body("field", equalTo("region"));
        put("/api/products/M-1/regional-prices/north", "{\"priceMinor\":3800}").statusCode(200);
        put("/api/products/M-1/tier-prices/gold", "{\"priceMinor\":3600}").statusCode(200);
        long before = outboxSize();
        given().delete("/api/products/M-1/regional-prices/north").then().statusCode(204);
        assertEquals(before + 1, outboxSize(), "the removal is a delta too");
        given().get("/api/products/M-1/regional-prices").then().body("size()", equalTo(0));
        given().get("/api/products/M-1/tier-prices").then().body("[0].priceMinor", equalTo(3600));
    }

    @Test
    void aCategoryCannotMoveUnderItsOwnBranch() {
        put("/api/categories/rice", "{\"code\":\"rice\",\"name\":\"米\",\"parent\":\"food\",\"active\":true}")
                .statusCode(200);
        put("/api/categories/food", "{\"code\":\"food\",\"name\":\"食品\",\"parent\":\"rice\",\"active\":true}")
                .statusCode(400).body("code", equalTo("CATEGORY_CYCLE"));
    }

    @Test
    void membersHaveAKnownTierAndUniquePhone() {
        put("/api/members/C0001", member("C0001", "13800000001", "gold")).statusCode(200);
        put("/api/members/C0002", member("C0002", "13800000001", "gold")).statusCode(409)
                .body("field", equalTo("phone"));
        put("/api/members/C0003", member("C0003", "13800000003", "platinum")).statusCode(400)
                .body("field", equalTo("tier"));
        put("/api/members/C0004", member("C0004", "12", "gold")).statusCode(400).body("field", equalTo("phone"));
        given().get("/api/members/C0001").then().statusCode(200).body("name", equalTo("王小明"));
    }

    @Test
    void promotionsAreValidatedAndVersioned() {
        String promotion = "{\"code\":\"P-RICE\",\"name\":\"大米 8折\",\"active\":true,\"type\":\"PERCENT_OFF\","
                + "\"items\":{\"categories\":[\"food\"]},\"percentOffBp\":2000,\"targets\":{\"chain\":false,"
                + "\"regions\":[\"north\"]},\"schedule\":{\"from\":\"2026-11-01T00:00\"},\"priority\":5}";
        put("/api/promotions/P-RICE", promotion).statusCode(200).body("version", equalTo(1));
        put("/api/promotions/P-RICE", promotion).statusCode(200).body("version", equalTo(2));

        put("/api/promotions/P-BAD", promotion.replace("P-RICE", "P-BAD").replace("2000", "20000"))
                .statusCode(400).body("field", equalTo("percentOffBp"));
        put("/api/promotions/P-BAD", promotion.replace("P-RICE", "P-BAD")
                .replace("\"from\":\"2026-11-01T00:00\"", "\"from\":\"2026-11-01T00:00\",\"to\":\"2026-10-01T00:00\""))
                .statusCode(400).body("field", equalTo("schedule.to"));
        put("/api/promotions/P-BAD", promotion.replace("P-RICE", "P-BAD").replace("north", "atlantis"))
                .statusCode(400).body("field", equalTo("targets.regions[0]"));
        given().get("/api/promotions/P-BAD").then().statusCode(404);
    }

    @Test
    void hqPricesABasketAtAStoreAsItsTillWould() {
        put("/api/stores/S-19", "{\"code\":\"S-19\",\"name\":\"Mudanjiang\",\"region\":\"north\","
                + "\"timezone\":\"Asia/Shanghai\",\"lanes\":2}").statusCode(200);
        put("/api/products/M-9", "{\"sku\":\"M-9\",\"name\":\"Rice 10kg\",\"barcodes\":[],\"priceMinor\":3990,"
                + "\"taxClass\":\"VAT13\"}").statusCode(200);
        put("/api/products/M-9/regional-prices/north", "{\"priceMinor\":3790}").statusCode(200);
        put("/api/promotions/P-RICE9", "{\"code\":\"P-RICE9\",\"name\":\"Rice 20% off in the north\","
                + "\"active\":true,\"type\":\"PERCENT_OFF\",\"items\":{\"skus\":[\"M-9\"]},\"percentOffBp\":2000,"
                + "\"targets\":{\"chain\":false,\"stores\":[\"S-19\"]},\"schedule\":{\"from\":\"2026-11-01T00:00\","
                + "\"to\":\"2026-12-01T00:00\"},\"priority\":5}").statusCode(200);
        String basket = "{\"store\":\"S-19\",\"localTime\":\"%s\",\"lines\":[{\"sku\":\"M-9\",\"quantity\":2}]}";
        given().contentType(ContentType.JSON).body(basket.formatted("2026-11-30T10:00"))
                .post("/api/pricing/preview").then().statusCode(200)
                .body("regularMinor", equalTo(2 * 3790)).body("savingMinor", equalTo(1516))
                .body("totalMinor", equalTo(2 * 3790 - 1516))
                .body("lines[0].adjustments[0].promotion", equalTo("P-RICE9"));
        given().contentType(ContentType.JSON).body(basket.formatted("2026-12-02T10:00"))
                .post("/api/pricing/preview").then().statusCode(200).body("totalMinor", equalTo(2 * 3790));
        given().contentType(ContentType.JSON).body("{\"store\":\"NOPE\",\"lines\":[{\"sku\":\"M-9\","
                + "\"quantity\":1}]}").post("/api/pricing/preview").then().statusCode(404);
    }

    @Test
    void storesCarryRegionTimeZoneAndHours() {
        put("/api/stores/S-1", "{\"code\":\"S-1\",\"name\":\"Harbin\",\"region\":\"north\","
                + "\"timezone\":\"Asia/Harbin\",\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"08:00\","
                + "\"closes\":\"22:00\"}],\"lanes\":4}")
                .statusCode(200).body("openingHours[0].closes", equalTo("22:00:00"));
        put("/api/stores/S-2", "{\"code\":\"S-2\",\"name\":\"x\",\"timezone\":\"Mars/Base\"}").statusCode(400)
                .body("field", equalTo("timezone"));
    }

    private static String member(String card, String phone, String tier) {
        return "{\"cardNo\":\"" + card + "\",\"phone\":\"" + phone + "\",\"name\":\"王小明\",\"tier\":\"" + tier
                + "\",\"pointsBalance\":100,\"offlineRedeemLimit\":50,\"active\":true}";
    }

    private static ValidatableResponse put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
    }
}
