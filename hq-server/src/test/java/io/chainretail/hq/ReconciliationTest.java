package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.SaleCompleted.Tender;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.hq.sales.UplinkIngestService;
import io.chainretail.hq.sales.UplinkIngestService.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lane's shift reconciled at HQ: a missing receipt and journal position are named, then filled in. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class ReconciliationTest {

    private static final String STORE = "0009";

    @Inject
    UplinkIngestService ingest;

    private final SyncCodec codec = new SyncCodec();

    @Test
    void namesAMissingReceiptAndItsTenderDifferenceUntilItArrives() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Test\"}").put("/api/regions/RECON").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + STORE + "\",\"name\":\"Recon\","
                + "\"region\":\"RECON\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":2}")
                .put("/api/stores/" + STORE).then().statusCode(200);
        Envelope<?> first = event(MessageSchema.SALE, 1, sale(1, 800, List.of(new Tender("CASH", 1000)), 200));
        Envelope<?> refund = event(MessageSchema.RETURN, 3, refund(3, 300));
        assertEquals(Outcome.STORED, record(first));
        record(event(MessageSchema.SALE, 2, sale(2, 500, List.of(new Tender("CARD", 500)), 0)));
        record(event(MessageSchema.SALE, 4, sale(4, 400, List.of(new Tender("CASH", 400)), 0)));
        record(event(MessageSchema.SHIFT_CLOSED, 5, new ShiftClosed("shift-1", "01", 1, "1001", "1001",
                Instant.now(), Instant.now(), "CNY", 1000, 1, 4, 3, 1, 1700, 300, List.of(
                        new ShiftClosed.TenderTotal("CARD", 500, 0), new ShiftClosed.TenderTotal("CASH", 1200, 300)),
                0, 1900, List.of(new ShiftClosed.Denomination(100, 19)), 1900, 0)));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        given().get("/api/stores/" + STORE + "/reconciliation/" + today).then().statusCode(200)
                .body("ok", equalTo(false)).body("sales", equalTo(3)).body("journalGaps", contains(3))
                .body("shifts[0].missingReceipts", contains(3))
                .body("shifts[0].tenders.find { it.type == 'CASH' }.receivedOutMinor", equalTo(0))
                .body("shifts[0].tenders.find { it.type == 'CASH' }.ok", equalTo(false))
                .body("shifts[0].tenders.find { it.type == 'CARD' }.ok", equalTo(true));

        assertEquals(Outcome.STORED, record(refund));
        assertEquals(Outcome.DUPLICATE, record(first));
        given().get("/api/stores/" + STORE + "/reconciliation/" + today).then().statusCode(200)
                .body("ok", equalTo(true)).body("sales", equalTo(3)).body("returns", equalTo(1))
                .body("salesMinor", equalTo(1700)).body("journalGaps", empty())
                .body("shifts[0].missingReceipts", empty());
        given().get("/api/stores/NOPE/reconciliation/" + today).then().statusCode(404);
    }

    @Test
    void listsASaleLinePricedWithOlderDataThanHqHadAtTheTime() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Test\"}").put("/api/regions/RECON").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"code\":\"0010\",\"name\":\"Stale\","
                + "\"region\":\"RECON\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":1}")
                .put("/api/stores/0010").then().statusCode(200);
        String product = "{\"sku\":\"STALE-1\",\"name\":\"Tea\",\"barcodes\":[\"6909997770016\"],\"priceMinor\":%d}";
        given().contentType(ContentType.JSON).body(String.format(product, 300)).put("/api/products/STALE-1").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(String.format(product, 350)).put("/api/products/STALE-1").then()
                .statusCode(200);
        // The store priced at 3.00 with prices feed position 0: it never had the 3.50.
        SaleCompleted.SaleLine tea = new SaleCompleted.SaleLine(1, "STALE-1", "6909997770016", "Tea", 2, null, 300,
                600, 0, 600, "STD", 69, 600, List.of());
        SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), "01", 1, "1001", Instant.now(), "CNY",
                null, List.of(), List.of(tea), 0, 69, 600, List.of(new Tender("CASH", 600)), 0, 0, 0, 0, 0, false);
        record(new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", "0010", null, 1L, Instant.now(),
                sale));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        given().get("/api/stores/0010/reconciliation/" + today).then().statusCode(200)
                .body("stalePrices[0].sku", equalTo("STALE-1")).body("stalePrices[0].chargedUnitMinor", equalTo(300))
                .body("stalePrices[0].hqUnitMinor", equalTo(350)).body("stalePrices[0].differenceMinor", equalTo(100));
    }

    @Test
    void pointsMoveTheBalanceAndOfflineRedemptionsPastTheAllowanceAreListed() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Test\"}").put("/api/regions/RECON").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"code\":\"0011\",\"name\":\"Points\","
                + "\"region\":\"RECON\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":1}")
                .put("/api/stores/0011").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"name\":\"Silver\"}").put("/api/member-tiers/silver").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"cardNo\":\"P0011\",\"phone\":null,\"name\":\"Li\","
                + "\"tier\":\"silver\",\"pointsBalance\":50,\"offlineRedeemLimit\":100,\"active\":true}")
                .put("/api/members/P0011").then().statusCode(200);
        for (int receipt = 1; receipt <= 2; receipt++) {
            SaleCompleted.SaleLine line = new SaleCompleted.SaleLine(1, "S", "6901234567892", "Water", 1, null, 160,
                    160, 0, 160, "STD", 0, 160, List.of());
            // 0.60 of each 1.60 paid with 60 points while HQ was unreachable; 1 point earned on the 1.00.
            SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), "01", receipt, "1001", Instant.now(),
                    "CNY", "P0011", List.of(), List.of(line), 0, 0, 160, List.of(new Tender("POINTS", 60),
                            new Tender("CASH", 100)), 0, 0, 0, 1, 60, true);
            record(new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", "0011", null, (long) receipt,
                    Instant.now(), sale));
        }
        given().get("/api/members/P0011").then().statusCode(200).body("pointsBalance", equalTo(50 + 2 - 120));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        given().get("/api/stores/0011/reconciliation/" + today).then().statusCode(200)
                .body("pointsExceptions.find { it.kind == 'OFFLINE_OVER_ALLOWANCE' }.points", equalTo(120))
                .body("pointsExceptions.find { it.kind == 'OFFLINE_OVER_ALLOWANCE' }.limit", equalTo(100))
                .body("pointsExceptions.find { it.kind == 'NEGATIVE_BALANCE' }.points", equalTo(-68));
    }

    private static SaleCompleted sale(long receiptNo, long total, List<Tender> tenders, long change) {
        SaleCompleted.SaleLine line = new SaleCompleted.SaleLine(1, "S", "6901234567892", "Water", 1, null, total,
                total, 0, total, "STD", 0, total, List.of());
        return new SaleCompleted(EventIds.next().toString(), "01", receiptNo, "1001", Instant.now(), "CNY", null,
                List.of(), List.of(line), 0, 0, total, tenders, change, 1, 0, 0, 0, false);
    }

    private static ReturnCompleted refund(long receiptNo, long total) {
        return new ReturnCompleted(EventIds.next().toString(), "RETURN", "01", receiptNo, "1001", "9001",
                Instant.now(), "CNY", null, null, List.of(new ReturnCompleted.ReturnLine(null, "S", "Water", 1, null,
                        total, "STD", 0)), 0, total, List.of(new Tender("CASH", total)), "test", 0, 0);
    }

    private static Envelope<?> event(MessageSchema schema, long position, Object payload) {
        return new Envelope<>(schema, EventIds.next(), "demo", STORE, null, position, Instant.now(), payload);
    }

    /** Stores an event as if it had arrived from its store. */
    private Outcome record(Envelope<?> event) {
        return ingest.recordChecked(new SyncCodec.UplinkEvent(event, codec.payloadJson(event.payload())));
    }
}
