package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the till that takes a JSON body (from its OpenAPI document) answers an empty body,
 * {@code null}, malformed JSON and a body of the wrong shape with a 400 carrying {@code {code, message}},
 * before it asks the store agent anything (a signed-in cashier's; without the session it is a 401).
 */
@QuarkusTest
@TestProfile(FakeAgent.Profile.class)
class BadBodyTest {

    private static final List<String> BAD_BODIES = List.of("", "null", "{\"unclosed\": ", "[]", "\"text\"", "42");

    @Test
    void everyJsonOperationRefusesABadBodyWithA400() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        // Signed in, so that what is judged is the body, not the session.
        Response signedIn = given().contentType("application/json").body("{\"cashier\":\"1001\",\"pin\":\"1234\"}")
                .post("/api/signin");
        Map<String, String> session = signedIn.then().statusCode(200).extract().cookies();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!method.getValue().path("requestBody").path("content").has("application/json")) {
                    continue;
                }
                operations++;
                for (String body : BAD_BODIES) {
                    Response response = given().cookies(session).contentType("application/json").body(body)
                            .request(method.getKey().toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "X"));
                    if (response.statusCode() != 400 || !response.asString().contains("\"code\"")
                            || !response.asString().contains("\"message\"")) {
                        wrong.add(method.getKey().toUpperCase() + " " + path.getKey() + " with '" + body + "': "
                                + response.statusCode() + " " + response.asString());
                    }
                }
            }
        }
        assertTrue(operations > 5, "the OpenAPI document lists the till's API");
        assertEquals(List.of(), wrong);
    }
}
