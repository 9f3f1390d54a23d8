package io.chainretail.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.devices.sim.PrinterSimulator;
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
 */
@QuarkusTest
@QuarkusTestResource(value = PrinterSimulatorResource.class, restrictToAnnotatedClass = true)
class PrintingTest {

    @Inject
    FeedApplier applier;

    @Test
    void printsReceiptsAfterTheSaleAndHoldsThemWhileThePrinterIsOutOfPaper() throws Exception {
        PrinterSimulator printer = PrinterSimulatorResource.printer;
        TestReplica.ensure(applier);
        String token = TestReplica.signInWithShift("11");
        given().header("X-Till-Token", token).get("/api/till/devices").then().statusCode(200)
                .body("devices[0].kind", equalTo("printer"));

        String receipt = sell(token);
        assertTrue(printer.awaitPrinted(1, Duration.ofSeconds(10)), "the receipt prints");
        assertEquals(receipt, printer.printed().get(0).text(), "the printed receipt is the one the till shows");
        Await.until(() -> printer.drawerKicks().size() == 1, "the drawer opens for cash");

        printer.paperOut(true);
        Await.until(() -> given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].problem").toString().contains("out of paper"), "the till sees the problem");
        given().get("/q/health/group/devices").then().statusCode(503);
        sell(token);
        Await.until(() -> printer.drawerKicks().size() == 2, "the drawer opens without paper too");
        Await.until(() -> ((Number) given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].waiting")).intValue() == 1, "the receipt waits for paper; the sale did not");
        assertEquals(1, printer.printed().size());
        assertEquals("ERROR", given().header("X-Till-Token", token).get("/api/till/devices").then().extract()
                .path("devices[0].state"), "the drawer pulse did not clear the printer's error");

        printer.paperOut(false);
        assertTrue(printer.awaitPrinted(2, Duration.ofSeconds(10)), "and prints when paper is back");
        given().get("/q/health/group/devices").then().statusCode(200);

        given().header("X-Till-Token", token).post("/api/till/receipts/" + lastSale + "/reprint").then()
                .statusCode(204);
        assertTrue(printer.awaitPrinted(3, Duration.ofSeconds(10)));
        assertTrue(printer.printed().get(2).text().startsWith("*** COPY ***"), printer.printed().get(2).text());

        given().header("X-Till-Token", token).contentType(ContentType.JSON)
                .body("{\"counted\":[{\"valueMinor\":10000,\"count\":1},{\"valueMinor\":500,\"count\":2}]}")
                .post("/api/till/shift/close").then().statusCode(200);
        assertTrue(printer.awaitPrinted(4, Duration.ofSeconds(10)), "the Z report prints when the shift closes");
        String z = printer.printed().get(3).text();
        assertTrue(z.contains("Z REPORT") && z.contains("EXPECTED CASH") && z.contains("VARIANCE")
                && z.contains("2 x 5.00"), z);
        Await.until(() -> metric("agent_printer_receipts_printed_total", "lane-11-printer") >= 4,
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
            PrinterSimulatorResource.scanner.send(burst + "\u00c3\u00a9\u00ff\r");
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
