package io.chainretail.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.sync.FeedApplier;
import io.chainretail.devices.sim.PrinterSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lane 11 has a network receipt printer (the simulator): receipts print after the sale commits, the
 * drawer opens for cash, a printer out of paper holds the receipt and not the sale, reprints say COPY.
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
        Thread.sleep(500);
        assertEquals(1, printer.printed().size(), "the receipt waits for paper; the sale did not");

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
    }

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
