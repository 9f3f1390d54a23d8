package io.chainretail.pos;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The lane scanner's scans reach the cashier's page through the till, every one and in order, even when the
 * scanner sends fifty in one write (the page's stream asks for them one at a time, slower than they come).
 */
@QuarkusTest
@TestProfile(FakeAgent.Profile.class)
class ScanRelayTest {

    @ConfigProperty(name = "pos.agent-url")
    String agentUrl;

    @TestHTTPResource("/api/events")
    URI events;

    @Test
    void aBurstOfScansReachesThePageWholeAndInOrder() throws Exception {
        Response signedIn = given().contentType("application/json").body("{\"cashier\":\"1001\",\"pin\":\"1234\"}")
                .post("/api/signin");
        signedIn.then().statusCode(200);
        String cookie = signedIn.getDetailedCookies().asList().get(0).toString();

        List<String> seen = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("Cookie", cookie).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, page.statusCode(), "the page listens to the lane's scans");
        Thread reader = new Thread(() -> page.body().filter(line -> line.startsWith("data:")).forEach(seen::add));
        reader.setDaemon(true);
        reader.start();
        try {
            until(() -> FakeAgent.scanStreams(agentUrl) > 0, "the till listens to the agent's scan stream");
            FakeAgent.burst(agentUrl, 50);
            until(() -> seen.size() >= 50, "all fifty scans reach the page");
            for (int i = 0; i < 50; i++) {
                assertTrue(seen.get(i).contains("\"" + FakeAgent.code(i) + "\""), "in order: " + seen);
            }

            // The relay lives on: the agent's stream ends and is reopened, and the next burst arrives too.
            FakeAgent.burst(agentUrl, 5);
            until(() -> seen.size() >= 55, "a later burst reaches the page too");
        } finally {
            page.body().close();
        }
    }

    private static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
