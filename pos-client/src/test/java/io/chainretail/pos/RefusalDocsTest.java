package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.docs.RefusalCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lane API documents its refusals from the one catalogue, each operation its own. */
@QuarkusTest
class RefusalDocsTest {

    @Test
    void everyErrorResponseIsARefusalOfTheCatalogue() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals("", RefusalCatalogue.problems(openapi, Path.of("src/main/java")));
        String scan = openapi.path("paths").path("/api/sale/scan").path("post").path("responses").toString();
        assertTrue(scan.contains("`SCALE_SILENT`") && scan.contains("`SIGNED_OUT`")
                && scan.contains("`MALFORMED_JSON`"), scan);
    }
}
