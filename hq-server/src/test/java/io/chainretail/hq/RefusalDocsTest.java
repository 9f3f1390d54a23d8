package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.docs.RefusalCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** HQ documents its refusals from the one catalogue, each operation its own. */
@QuarkusTest
class RefusalDocsTest {

    @Test
    void everyErrorResponseIsARefusalOfTheCatalogue() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals("", RefusalCatalogue.problems(openapi, Path.of("src/main/java")));
        String scan = openapi.path("paths").path("/api/products/{sku}").path("put").path("responses").toString();
        assertTrue(scan.contains("`BARCODE_IN_USE`") && scan.contains("`KEY_MISMATCH`")
                && scan.contains("`MALFORMED_JSON`"), scan);
    }
}
