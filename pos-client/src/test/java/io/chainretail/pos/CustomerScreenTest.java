package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The customer's second screen follows the sale without signing in: the lines and total as they are rung up,
 * the change once paid, a welcome after sign-out, and never the member's name or balance. A weight keyed in
 * at the till goes to the store agent with its code.
 */
@QuarkusTest
@TestProfile(FakeAgent.Profile.class)
class CustomerScreenTest {

    @TestHTTPResource("/api/customer/events")
    URI events;

    @ConfigProperty(name = "pos.agent-url")
    String agentUrl;

    @Test
    void theSecondScreenFollowsTheSale() throws Exception {
        List<String> pushed = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> screen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertTrue(screen.statusCode() == 200, "the screen needs no sign-in");
        Thread reader = new Thread(() -> screen.body().filter(l -> l.startsWith("data:")).forEach(pushed::add));
        reader.setDaemon(true);
        reader.start();
        try {
            Response signedIn = given().contentType("application/json")
                    .body("{\"cashier\":\"1001\",\"pin\":\"1234\"}").post("/api/signin");
            signedIn.then().statusCode(200);
            String cookie = signedIn.getDetailedCookies().asList().get(0).toString();

            given().header("Cookie", cookie).contentType("application/json").body("{\"code\":\"6901234567892\"}")
                    .post("/api/sale/scan").then().statusCode(200);
            // A weight keyed in at the till (384*00042) reaches the store agent with the code.
            given().header("Cookie", cookie).contentType("application/json")
                    .body("{\"code\":\"00042\",\"weightGrams\":384}").post("/api/sale/scan").then().statusCode(200);
            io.restassured.RestAssured.get(agentUrl + "/fake/calls").then()
                    .body("lastLine.code", equalTo("00042")).body("lastLine.weightGrams", equalTo(384));
            given().get("/api/customer").then().statusCode(200).body("state", equalTo("SALE"))
                    .body("lines", hasSize(3)).body("lines[0].name", equalTo("矿泉水 550ml"))
                    .body("lines[0].quantity", equalTo("2")).body("lines[0].amount", equalTo("2.70"))
                    .body("lines[1].quantity", equalTo("0.384 kg")).body("lines[2].voided", equalTo(true))
                    .body("lines[2].amount", equalTo("3.50")).body("savings", equalTo("0.30"))
                    .body("total", equalTo("7.65")).body("paid", nullValue());

            given().header("Cookie", cookie).contentType("application/json").body("{\"amountMinor\":2000}")
                    .post("/api/sale/pay-cash").then().statusCode(200);
            given().get("/api/customer").then().body("state", equalTo("PAID")).body("paid", equalTo("20.00"))
                    .body("change", equalTo("12.35"));

            given().header("Cookie", cookie).post("/api/signout").then().statusCode(200);
            given().get("/api/customer").then().body("state", equalTo("IDLE")).body("lines", hasSize(0));

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (pushed.stream().noneMatch(l -> l.contains("\"IDLE\"")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(pushed.stream().anyMatch(l -> l.contains("\"SALE\"") && l.contains("矿泉水")), pushed.toString());
            assertTrue(pushed.stream().anyMatch(l -> l.contains("\"PAID\"")), pushed.toString());
            assertTrue(pushed.get(pushed.size() - 1).contains("\"IDLE\""), pushed.toString());
            assertFalse(pushed.stream().anyMatch(l -> l.contains("张三") || l.contains("M0001")),
                    "nothing of the member: " + pushed);
        } finally {
            screen.body().close();
        }
    }
}
