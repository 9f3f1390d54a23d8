package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Every operation of HQ's API, read from its own OpenAPI document, so that a test cannot forget a new one. */
final class ApiOperations {

    /** One operation: its method, path, whether it takes a store, and the media type of its body (or null). */
    record Operation(String method, String path, boolean takesStore, String bodyType) {

        /** The path with its parameters filled in: the store, a day, and X for anything else. */
        String pathFor(String store) {
            return path.replace("{store}", store).replaceAll("\\{day}", "2026-11-30").replaceAll("\\{[^}]+}", "X");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private ApiOperations() {
    }

    static List<Operation> all() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                boolean takesStore = false;
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    takesStore |= "store".equals(parameter.path("name").asText());
                }
                for (JsonNode parameter : path.getValue().path("parameters")) {
                    takesStore |= "store".equals(parameter.path("name").asText());
                }
                Iterator<String> bodyTypes = method.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method.getKey(), path.getKey(), takesStore,
                        bodyTypes.hasNext() ? bodyTypes.next() : null));
            }
        }
        assertTrue(operations.size() > 30, "the OpenAPI document lists the API: " + operations);
        return operations;
    }
}
