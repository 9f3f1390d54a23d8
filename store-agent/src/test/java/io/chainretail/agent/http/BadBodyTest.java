package io.chainretail.agent.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the store agent that takes a JSON body (read from its OpenAPI document), called as a
 * signed-in manager at a till, answers an empty body, {@code null}, malformed JSON, the wrong shape, wrong
 * types and oversized values with a 4xx carrying {@code {code, message}}.
 */
@QuarkusTest
class BadBodyTest {

    private static final String LONG = "x".repeat(100_000);
    private static final List<String> BAD_BODIES = List.of("", "null", "{\"unclosed\": ", "[]", "\"text\"", "42",
            "{\"code\":5,\"quantity\":2.7,\"tenders\":{},\"cashier\":[],\"pin\":true,\"priceMinor\":\"150\"}",
            "{\"code\":\"" + LONG + "\",\"cashier\":\"" + LONG + "\",\"pin\":\"" + LONG + "\",\"lane\":\"" + LONG
                    + "\",\"note\":\"" + LONG + "\"}");

    @Test
    void everyJsonOperationRefusesABadBodyWithA4xx() throws Exception {
        String token = given().contentType("application/json")
                .body("{\"cashier\":\"9001\",\"pin\":\"9999\",\"lane\":\"77\"}").post("/api/till/signin")
                .then().statusCode(200).extract().path("token");
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String[] operation : jsonOperations()) {
            for (String body : BAD_BODIES) {
                calls++;
                Response response = given().header("X-Till-Token", token).header("Authorization", "Bearer " + token)
                        .contentType("application/json").body(body).request(operation[0], operation[1]);
                String shown = body.length() > 60 ? body.substring(0, 60) + "..." : body;
                if (response.statusCode() < 400 || response.statusCode() >= 500) {
                    wrong.add(operation[0] + " " + operation[1] + " with '" + shown + "': " + response.statusCode()
                            + " " + response.asString());
                } else if (!hasErrorShape(response)) {
                    wrong.add(operation[0] + " " + operation[1] + " with '" + shown + "': " + response.statusCode()
                            + " without {code, message}: '" + response.asString() + "'");
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + calls + " calls answered wrongly");
    }

    /** Method and path (parameters filled with X) of every operation that takes a JSON body. */
    private static List<String[]> jsonOperations() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getValue().path("requestBody").path("content").has("application/json")) {
                    operations.add(new String[] {method.getKey().toUpperCase(),
                            path.getKey().replaceAll("\\{[^}]+}", "X")});
                }
            }
        }
        assertTrue(operations.size() > 10, "the OpenAPI document lists the API");
        return operations;
    }

    private static boolean hasErrorShape(Response response) {
        try {
            JsonPath json = response.jsonPath();
            return json.getString("code") != null && json.getString("message") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
