package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.hq.ApiOperations.Operation;
import io.chainretail.hq.feed.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of HQ's API that takes a JSON body (read from its OpenAPI document) answers an empty body,
 * {@code null}, malformed JSON, a body of the wrong shape, values of the wrong types and oversized values with
 * a 4xx carrying {@code {code, message}}, and changes nothing.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class BadBodyTest {

    private static final String LONG = "x".repeat(100_000);
    private static final List<String> BAD_BODIES = List.of("", "null", "{\"unclosed\": ", "[]", "\"text\"", "42",
            "{\"sku\":5,\"code\":[],\"name\":true,\"priceMinor\":\"150\",\"quantity\":2.7,\"lines\":{}}",
            "{\"sku\":\"" + LONG + "\",\"code\":\"" + LONG + "\",\"name\":\"" + LONG + "\",\"username\":\"" + LONG
                    + "\",\"password\":\"" + LONG + "\"}");

    @Test
    void everyJsonOperationRefusesABadBodyWithA4xxAndChangesNothing() throws Exception {
        long outboxBefore = outboxSize();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation operation : ApiOperations.all()) {
            if (operation.bodyType() == null || !operation.bodyType().contains("json")) {
                continue;
            }
            for (String body : BAD_BODIES) {
                calls++;
                Response response = given().contentType("application/json").body(body)
                        .request(operation.method().toUpperCase(), operation.pathFor("0001"));
                String shown = body.length() > 60 ? body.substring(0, 60) + "..." : body;
                String call = operation + " with '" + shown + "': " + response.statusCode();
                if (response.statusCode() < 400 || response.statusCode() >= 500) {
                    wrong.add(call + " " + response.asString());
                } else if (!hasErrorShape(response)) {
                    wrong.add(call + " without {code, message}: '" + response.asString() + "'");
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + calls + " calls answered wrongly");
        assertEquals(outboxBefore, outboxSize(), "no change reached the stores");
    }

    private static boolean hasErrorShape(Response response) {
        try {
            JsonPath json = response.jsonPath();
            return json.getString("code") != null && json.getString("message") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
    }
}
