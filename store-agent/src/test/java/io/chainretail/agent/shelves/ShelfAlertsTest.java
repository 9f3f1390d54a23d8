package io.chainretail.agent.shelves;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.agent.TestReplica;
import io.chainretail.agent.Await;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shelf T1 (a Modbus TCP shelf simulator) holds {@link #SKU}: the store manager is alerted when it runs
 * low and when shelf and books disagree for longer than a walk to the till, each alert raised and
 * cleared once and journaled for HQ.
 */
@QuarkusTest
@QuarkusTestResource(value = ShelfSimulatorResource.class, restrictToAnnotatedClass = true)
class ShelfAlertsTest {

    static final String SKU = "SHELF-T1-RAZOR";

    @Inject
    StockLedger stock;

    @Inject
    ShelfAlerts alerts;

    static int grams(int units) {
        return 100 + 250 * units;
    }

    @Test
    void alertsOnLowStockAndOnShelfAndBooksDisagreeing() throws Exception {
        moveBooksTo(10);
        Await.until(() -> open(ShelfAlert.Kind.DISCREPANCY).isEmpty(), "shelf (10) and books (10) agree");
        long start = journalEnd(); // alerts from before the books were set (10 on the shelf, none booked) aside
        manager().get("/api/shelves").then().statusCode(200).body("[0].shelf", equalTo("T1"))
                .body("[0].connected", equalTo(true)).body("[0].slots[0].units", equalTo(10))
                .body("[0].slots[0].bookUnits", equalTo(10));
        manager().get("/api/devices").then().body("find { it.name == 'shelf-T1' }.state", equalTo("IDLE"));

        ShelfSimulatorResource.shelf.weigh(0, grams(2) + 20); // eight taken, a little noise
        Await.until(() -> open(ShelfAlert.Kind.LOW_STOCK).isPresent(), "2 razors is low (level 3)");
        assertTrue(open(ShelfAlert.Kind.DISCREPANCY).isEmpty(), "taken to the till is not yet a discrepancy");
        Await.until(() -> open(ShelfAlert.Kind.DISCREPANCY).isPresent(), "8 gone but not sold, after 3 s");
        ShelfAlertRecord discrepancy = open(ShelfAlert.Kind.DISCREPANCY).orElseThrow();
        assertEquals(2, discrepancy.shelfUnits);
        assertEquals(10L, discrepancy.bookUnits);
        manager().get("/api/shelves/alerts").then().statusCode(200)
                .body("findAll { it.sku == '" + SKU + "' }.size()", equalTo(2));

        moveBooksTo(2); // the eight were sold after all
        Await.until(() -> open(ShelfAlert.Kind.DISCREPANCY).isEmpty(), "the sale clears the discrepancy");
        assertTrue(open(ShelfAlert.Kind.LOW_STOCK).isPresent(), "still low");

        moveBooksTo(12);
        ShelfSimulatorResource.shelf.weigh(0, grams(12));
        Await.until(() -> open(ShelfAlert.Kind.LOW_STOCK).isEmpty(), "restocked");
        assertTrue(open(ShelfAlert.Kind.DISCREPANCY).isEmpty());

        List<ShelfAlert> journaled = journaledAfter(start);
        assertEquals(4, journaled.size(), "raised and cleared once each: " + journaled);
        assertEquals(List.of(ShelfAlert.State.RAISED, ShelfAlert.State.RAISED, ShelfAlert.State.CLEARED,
                ShelfAlert.State.CLEARED), journaled.stream().map(ShelfAlert::state).toList());
        assertNull(journaled.get(0).bookUnits(), "a low-stock alert carries no book figure");
    }

    @Test
    void aUsbPrinterThatIsNotPluggedInIsShownWithItsProblemInWords() throws Exception {
        Await.until(() -> manager().get("/api/devices").then().extract()
                .path("find { it.name == 'lane-12-printer' }.problem").toString()
                .contains("no USB device usb:ffff:fffe attached"), "the missing USB printer is reported");
        manager().get("/api/devices").then().body("find { it.name == 'lane-12-printer' }.state", equalTo("ERROR"));
    }

    private static RequestSpecification manager() {
        return given().auth().oauth2(TestReplica.managerToken());
    }

    private void moveBooksTo(long units) {
        QuarkusTransaction.requiringNew().run(() -> stock.move(SKU, units - stock.onHand(SKU).quantity(), null,
                "ADJUSTMENT", "shelf test"));
    }

    private Optional<ShelfAlertRecord> open(ShelfAlert.Kind kind) {
        return alerts.list(true).stream().filter(a -> a.sku.equals(SKU) && a.kind == kind).findFirst();
    }

    private static long journalEnd() {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find("order by position desc")
                .firstResultOptional().map(e -> e.position).orElse(0L));
    }

    private static List<ShelfAlert> journaledAfter(long position) {
        SyncCodec codec = new SyncCodec();
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>list(
                "kind = ?1 and position > ?2 order by position", "shelf-alert", position).stream()
                .map(e -> e.payload).toList());
        List<ShelfAlert> alerts = new ArrayList<>();
        for (String payload : payloads) {
            try {
                alerts.add(codec.readPayload(payload, ShelfAlert.class));
            } catch (MalformedMessageException e) {
                throw new AssertionError(payload, e);
            }
        }
        return alerts.stream().filter(a -> a.sku().equals(SKU)).toList();
    }
}
