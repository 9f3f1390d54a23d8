package io.chainretail.agent.devices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.Await;
import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.devices.scale.ScaleReading;
import io.chainretail.devices.sim.DisplaySimulator;
import io.chainretail.devices.sim.PrinterSimulator;
import io.chainretail.devices.sim.ScaleSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lane 11 has a network receipt printer (the simulator): receipts print after the sale commits, the
 * drawer opens for cash, a printer out of paper holds the receipt and not the sale, reprints say COPY.
 * Its scanner, behind a serial-to-network adapter, sends fifty scans in one write: the till gets them all.
 * Its customer display shows each line and the total, in Chinese; its scale weighs what is sold by weight.
 */
@QuarkusTest
@QuarkusTestResource(value = LaneDevicesResource.class, restrictToAnnotatedClass = true)
class LaneDevicesTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    FeedApplier applier;

    @Test
    void printsReceiptsAfterTheSaleAndHoldsThemWhileThePrinterIsOutOfPaper() throws Exception {
        PrinterSimulator printer = LaneDevicesResource.printer;
        TestReplica.ensure(applier);
        String token = TestReplica.signInWithShift("11");
        given().header("X-Till-Token", token).get("/api/till/devices").then().statusCode(200)
                .body("devices[0].kind", equalTo("printer"));

        // Counted from what the lane printed before: the other tests here sell at lane 11 too.
        int p = printer.printed().size();
        int kicks = printer.drawerKicks().size();
        String receipt = sell(token);
        assertTrue(printer.awaitPrinted(p + 1, Duration.ofSeconds(10)), "the receipt prints");
        assertEquals(receipt, printer.printed().get(p).text(), "the printed receipt is the one the till shows");
        Await.until(() -> printer.drawerKicks().size() == kicks + 1, "the drawer opens for cash");

        printer.paperOut(true);
        Await.until(() -> given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].problem").toString().contains("out of paper"), "the till sees the problem");
        given().get("/q/health/group/devices").then().statusCode(503);
        sell(token);
        Await.until(() -> printer.drawerKicks().size() == kicks + 2, "the drawer opens without paper too");
        Await.until(() -> ((Number) given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].waiting")).intValue() == 1, "the receipt waits for paper; the sale did not");
        assertEquals(p + 1, printer.printed().size());
        assertEquals("ERROR", given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].state"), "the drawer pulse did not clear the printer's error");

        printer.paperOut(false);
        assertTrue(printer.awaitPrinted(p + 2, Duration.ofSeconds(10)), "and prints when paper is back");
        given().get("/q/health/group/devices").then().statusCode(200);

        given().header("X-Till-Token", token).post("/api/till/receipts/" + lastSale + "/reprint").then()
                .statusCode(204);
        assertTrue(printer.awaitPrinted(p + 3, Duration.ofSeconds(10)));
        assertTrue(printer.printed().get(p + 2).text().startsWith("*** COPY ***"), printer.printed().get(p + 2)
                .text());

        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"counted\":[{\"valueMinor\":10000,\"count\":1},{\"valueMinor\":500,\"count\":2}]}")
                .post("/api/till/shift/close").then().statusCode(200);
        assertTrue(printer.awaitPrinted(p + 4, Duration.ofSeconds(10)), "the Z report prints when the shift closes");
        String z = printer.printed().get(p + 3).text();
        assertTrue(z.contains("Z REPORT") && z.contains("EXPECTED CASH") && z.contains("VARIANCE")
                && z.contains("2 x 5.00"), z);
        Await.until(() -> metric("agent_printer_receipts_printed_total", "lane-11-printer") >= p + 4,
                "the store's monitoring sees the receipts printed");
        assertEquals(1, metric("agent_device_up", "lane-11-printer"));
        assertEquals(0, metric("agent_printer_receipts_uncertain_total", "lane-11-printer"));
    }

    @Test
    void aBurstOfScansReachesTheTillWholeAndInOrder() throws Exception {
        TestReplica.ensure(applier);
        String token = TestReplica.signInWithShift("11");
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("X-Till-Token", token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(seen::add));
        reader.setDaemon(true);
        reader.start();
        try {
            Await.until(() -> given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                    .path("devices.find { it.kind == 'scanner' }.state").equals("IDLE"), "the scanner is connected");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                burst.append(Gtin.withCheckDigit("6940000%05d".formatted(i))).append("\r\n");
            }
            LaneDevicesResource.scanner.send(burst + "\u00c3\u00a9\u00ff\r");
            Await.until(() -> seen.size() >= 51, "every scan of the burst reaches the till");
            for (int i = 0; i < 50; i++) {
                assertTrue(seen.get(i).contains("\"code\":\"" + Gtin.withCheckDigit("6940000%05d".formatted(i))
                        + "\""), "in order: " + seen.get(i));
            }
            assertTrue(seen.get(50).contains("Misread: scan it again. (unreadable bytes c3 a9 ff)"), seen.get(50));
            assertEquals(50, metric("agent_scanner_scans_total", "lane-11-scanner"));
            assertEquals(1, metric("agent_scanner_misreads_total", "lane-11-scanner"));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void theCustomerDisplayShowsTheSaleAndTheScaleWeighsWhatIsSoldByWeight() throws Exception {
        LaneDevicesResource.requireSerialDevices();
        TestReplica.ensure(applier);
        DisplaySimulator glass = LaneDevicesResource.display;
        ScaleSimulator platter = LaneDevicesResource.scale;
        String token = TestReplica.signInWithShift("11");
        Await.until(() -> "IDLE".equals(state(token, "display")) && "IDLE".equals(state(token, "scale")),
                "the display and the scale are connected");

        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        glass.await(List.of("Welcome", "")::equals, WITHIN);
        scan(token, sale, "{\"code\":\"" + TestReplica.WATER + "\"}").statusCode(200);
        assertEquals(List.of("矿泉水 550ml    1.50", "TOTAL           1.50"),
                glass.await(lines -> lines.get(0).startsWith("矿泉水"), WITHIN), "the line and the total, in Chinese");

        // Apples by PLU, weighed on the lane's scale: 384 g at 12.90/kg.
        platter.put(new ScaleReading(384, ScaleReading.Condition.STABLE));
        scan(token, sale, "{\"code\":\"00042\"}").statusCode(200).body("lines[1].weightGrams", equalTo(384))
                .body("lines[1].amountMinor", equalTo(495)).body("totalMinor", equalTo(645));
        glass.await(List.of("Apples          4.95", "TOTAL           6.45")::equals, WITHIN);

        // Only a settled weight above zero is sold by; the refusal says what to do, and the sale is unchanged.
        platter.put(new ScaleReading(700, ScaleReading.Condition.MOTION));
        scan(token, sale, "{\"code\":\"00042\"}").statusCode(409).body("code", equalTo("SCALE_NOT_SETTLED"))
                .body("message", containsString("settling"));
        platter.put(new ScaleReading(0, ScaleReading.Condition.OVERLOAD));
        scan(token, sale, "{\"code\":\"00042\"}").statusCode(409).body("code", equalTo("SCALE_OVERLOAD"));
        platter.put(new ScaleReading(0, ScaleReading.Condition.STABLE));
        scan(token, sale, "{\"code\":\"00042\"}").statusCode(409).body("code", equalTo("SCALE_EMPTY"));
        platter.put(new ScaleReading(-20, ScaleReading.Condition.UNDER_ZERO));
        scan(token, sale, "{\"code\":\"00042\"}").statusCode(409).body("code", equalTo("SCALE_UNDER_ZERO"));
        scan(token, sale, "{\"code\":\"00042\",\"weightGrams\":0}").statusCode(400);
        scan(token, sale, "{\"code\":\"00042\",\"weightGrams\":1000000}").statusCode(400);
        // A weight keyed in is taken as it is, whatever the scale says.
        scan(token, sale, "{\"code\":\"00042\",\"weightGrams\":500}").statusCode(200)
                .body("lines", hasSize(3)).body("lines[2].weightGrams", equalTo(500));
        given().header("X-Till-Token", token).post("/api/till/sales/" + sale + "/lines/3/void").then()
                .statusCode(200);
        glass.await(lines -> lines.get(0).equals("VOID Apples    -6.45"), WITHIN);

        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":2000}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200);
        assertEquals(List.of("TOTAL           6.45", "CHANGE         13.55"),
                glass.await(lines -> lines.get(0).startsWith("TOTAL") && lines.get(1).startsWith("CHANGE"), WITHIN),
                "what was paid and the change, until the next sale");
        assertTrue(metric("agent_display_frames_total", "lane-11-display") >= 5);
        assertTrue(metric("agent_scale_readings_total", "lane-11-scale") > 0);
        assertEquals(1, metric("agent_device_up", "lane-11-scale"));
    }

    private static io.restassured.response.ValidatableResponse scan(String token, String sale, String body) {
        return given().header("X-Till-Token", token).contentType(ContentType.JSON).body(body)
                .post("/api/till/sales/" + sale + "/lines").then();
    }

    private static String state(String token, String kind) {
        return given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices.find { it.kind == '" + kind + "' }.state");
    }

    /** A device's value of a metric in {@code /q/metrics}. */
    private static double metric(String name, String device) {
        String prefix = name + "{device=\"" + device + "\"";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + prefix));
    }

    @TestHTTPResource("/api/till/events")
    URI events;

    private String lastSale;

    private String sell(String token) {
        String sale = given().header("X-Till-Token", token).post("/api/till/sales").then().statusCode(200)
                .extract().path("saleId");
        given().header("X-Till-Token", token).contentType(ContentType.JSON).body("{\"code\":\"" + TestReplica.WATER
                + "\",\"quantity\":2}").post("/api/till/sales/" + sale + "/lines").then().statusCode(200);
        lastSale = sale;
        return given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"tenders\":[{\"type\":\"CASH\",\"amountMinor\":500}]}")
                .post("/api/till/sales/" + sale + "/complete").then().statusCode(200)
                .body("receiptText", containsString("TOTAL")).extract().path("receiptText");
    }
}
