package io.chainretail.agent.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.docs.RefusalCatalogue;
import io.chainretail.core.error.ErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The store agent documents its refusals from the one catalogue, each operation its own. */
@QuarkusTest
class RefusalDocsTest {

    @Test
    void everyErrorResponseIsARefusalOfTheCatalogue() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals("", String.join("\n", RefusalCatalogue.undocumented(openapi)));
        SortedSet<ErrorCode> missing = new TreeSet<>(RefusalCatalogue.thrown(Path.of("src/main/java")));
        missing.removeAll(RefusalCatalogue.documented(openapi));
        assertEquals("[]", missing.toString(), "refused somewhere, documented nowhere");
        String scan = openapi.path("paths").path("/api/till/sales/{id}/lines").path("post").path("responses")
                .toString();
        assertTrue(scan.contains("`SCALE_SILENT`") && scan.contains("`NOT_A_TILL`")
                && scan.contains("`MALFORMED_JSON`"), scan);
    }
}
