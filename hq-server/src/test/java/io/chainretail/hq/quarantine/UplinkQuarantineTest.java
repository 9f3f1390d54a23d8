package io.chainretail.hq.quarantine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.hq.TestStore;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Uplinked events HQ cannot store: acknowledged only once they are durable at HQ (stored, or held in the
 * quarantine with their reason), never when storing failed for another reason; held events are listed,
 * replayed and dismissed by an operator.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class UplinkQuarantineTest {

    private static final AtomicLong NEXT = new AtomicLong(1000);

    private final SyncCodec codec = new SyncCodec();

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    @Inject
    AgroalDataSource database;

    @Test
    void aSaleOverATableLimitIsHeldWithItsReasonAcknowledgedAndNotCountedAsSold() throws Exception {
        Envelope<SaleCompleted> longLane = sale("0031", "1");
        Envelope<SaleCompleted> oddCurrency = sale("0031", "1");
        try (TestStore store = new TestStore(broker, accounts, "0031")) {
            store.publish("sale", text(longLane).replace("\"lane\":\"1\"", "\"lane\":\"01234567890123456\"")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(longLane.id(), store.nextAck(), "held, so acknowledged: the store may forget it");
            store.publish("sale", text(oddCurrency).replace("\"CNY\"", "\"CNYX\"").getBytes(StandardCharsets.UTF_8));
            assertEquals(oddCurrency.id(), store.nextAck());

            // Sent again (the acknowledgement was lost): acknowledged again, held once, seen twice.
            store.publish("sale", text(longLane).replace("\"lane\":\"1\"", "\"lane\":\"01234567890123456\"")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(longLane.id(), store.nextAck());
        }
        given().get("/api/stores/0031/sales").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/quarantine?store=0031").then().statusCode(200).body("$", hasSize(2))
                .body("find { it.eventId == '" + longLane.id() + "' }.reason", containsString("lane"))
                .body("find { it.eventId == '" + longLane.id() + "' }.timesSeen", equalTo(2))
                .body("find { it.eventId == '" + longLane.id() + "' }.payload", containsString("01234567890123456"))
                .body("find { it.eventId == '" + oddCurrency.id() + "' }.reason", containsString("currency"));
        given().get("/api/quarantine/" + longLane.id()).then().statusCode(200).body("position",
                equalTo(longLane.position().intValue())).body("kind", equalTo(longLane.schema().id()));
    }

    @Test
    void aSecondEventForAStoredSaleOrReceiptIsHeldNotCountedTwiceAndCanBeDismissed() throws Exception {
        Envelope<SaleCompleted> first = sale("0032", "1");
        SaleCompleted sold = first.payload();
        Envelope<SaleCompleted> sameSale = new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", "0032", null,
                NEXT.incrementAndGet(), Instant.now(), sold);
        Envelope<SaleCompleted> sameReceipt = new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", "0032",
                null, NEXT.incrementAndGet(), Instant.now(), withSaleId(sold, EventIds.next().toString()));
        Envelope<SaleCompleted> samePosition = new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", "0032",
                null, first.position(), Instant.now(), sale("0032", "1").payload());
        try (TestStore store = new TestStore(broker, accounts, "0032")) {
            for (Envelope<SaleCompleted> event : List.of(first, sameSale, sameReceipt, samePosition)) {
                store.publish("sale", codec.encode(event));
                assertEquals(event.id(), store.nextAck());
            }
        }
        given().get("/api/stores/0032/sales").then().statusCode(200).body("$", hasSize(1))
                .body("[0].saleId", equalTo(sold.saleId()));
        given().get("/api/quarantine?store=0032").then().statusCode(200).body("$", hasSize(3))
                .body("find { it.eventId == '" + sameSale.id() + "' }.reason",
                        containsString("sale " + sold.saleId() + " is already stored"))
                .body("find { it.eventId == '" + sameReceipt.id() + "' }.reason",
                        containsString("receipt 1/" + sold.receiptNo() + " is already stored"))
                .body("find { it.eventId == '" + samePosition.id() + "' }.reason",
                        containsString("journal position " + first.position()));

        given().post("/api/quarantine/" + sameSale.id() + "/replay").then().statusCode(409)
                .body("code", equalTo("STILL_REFUSED"));
        given().contentType(ContentType.JSON).body("{}").post("/api/quarantine/" + sameSale.id() + "/dismiss")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"note\":\"resent by a till restored from backup\"}")
                .post("/api/quarantine/" + sameSale.id() + "/dismiss").then().statusCode(200)
                .body("state", equalTo("DISMISSED")).body("resolvedBy", equalTo("test-admin"));
        given().get("/api/quarantine?store=0032").then().statusCode(200).body("$", hasSize(2));
        given().get("/api/quarantine?store=0032&state=DISMISSED").then().statusCode(200).body("$", hasSize(1));
        given().contentType(ContentType.JSON).body("{\"note\":\"again\"}")
                .post("/api/quarantine/" + sameSale.id() + "/dismiss").then().statusCode(409)
                .body("code", equalTo("ALREADY_RESOLVED"));
        given().get("/api/quarantine?state=SOMETIMES").then().statusCode(400).body("field", equalTo("state"));
        given().post("/api/quarantine/" + UUID.randomUUID() + "/replay").then().statusCode(404);
    }

    @Test
    void aHeldEventIsStoredWhenReplayedOnceItFits() {
        // Held under rules it no longer breaks (as after an upgrade that widened a limit).
        Envelope<SaleCompleted> sale = sale("0035", "1");
        QuarkusTransaction.requiringNew().run(() -> {
            QuarantinedEvent held = new QuarantinedEvent();
            held.eventId = sale.id().toString();
            held.storeCode = "0035";
            held.position = sale.position();
            held.kind = sale.schema().id();
            held.occurredAt = sale.occurredAt();
            held.payload = codec.payloadJson(sale.payload());
            held.reason = "an older limit";
            held.firstSeenAt = Instant.now();
            held.lastSeenAt = held.firstSeenAt;
            held.timesSeen = 1;
            held.state = QuarantinedEvent.State.OPEN;
            held.persist();
        });

        given().post("/api/quarantine/" + sale.id() + "/replay").then().statusCode(200)
                .body("state", equalTo("REPLAYED")).body("resolvedBy", equalTo("test-admin"));

        given().get("/api/stores/0035/sales").then().statusCode(200).body("$", hasSize(1));
        given().post("/api/quarantine/" + sale.id() + "/replay").then().statusCode(409)
                .body("code", equalTo("ALREADY_RESOLVED"));
    }

    @Test
    void anEventHqFailedToStoreForAnyOtherReasonIsNotAcknowledgedAndIsStoredWhenResent() throws Exception {
        Envelope<SaleCompleted> sale = sale("0033", "1");
        double failedBefore = metric("hq_uplink_events_failed_total");
        try (TestStore store = new TestStore(broker, accounts, "0033")) {
            ddl("alter table store_event rename to store_event_away");
            try {
                store.publish("sale", codec.encode(sale));
                awaitMetricAbove("hq_uplink_events_failed_total", failedBefore);
            } finally {
                ddl("alter table store_event_away rename to store_event");
            }
            assertEquals(0, store.acks.size(), "an event HQ did not store is not acknowledged");
            store.publish("sale", codec.encode(sale)); // the store's resend
            assertEquals(sale.id(), store.nextAck());
        }
        given().get("/api/stores/0033/sales").then().statusCode(200).body("$", hasSize(1));
        given().get("/api/quarantine?store=0033").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anOversizedEventIsHeldAndAnOversizedMessageIsRejectedUnread() throws Exception {
        Envelope<SaleCompleted> large = saleOfLines("0034", 200); // about 60,000 characters, over 40,000
        double tooLargeBefore = metric("hq_uplink_messages_rejected_total{reason=\"too-large\"}");
        try (TestStore store = new TestStore(broker, accounts, "0034")) {
            store.publish("sale", codec.encode(large));
            assertEquals(large.id(), store.nextAck());
            store.publish("sale", new byte[400_000]); // over the 300,000 bytes of the test profile
            awaitMetricAbove("hq_uplink_messages_rejected_total{reason=\"too-large\"}", tooLargeBefore);
        }
        given().get("/api/quarantine/" + large.id()).then().statusCode(200)
                .body("reason", containsString("hq.ingest.max-event-bytes"));
        given().get("/api/stores/0034/sales").then().statusCode(200).body("$", hasSize(0));
    }

    private void ddl(String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void awaitMetricAbove(String name, double before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (metric(name) <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " stayed at " + before);
            }
            Thread.sleep(20);
        }
    }

    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(0);
    }

    private String text(Envelope<?> event) {
        return new String(codec.encode(event), StandardCharsets.UTF_8);
    }

    private static SaleCompleted withSaleId(SaleCompleted s, String saleId) {
        return new SaleCompleted(saleId, s.lane(), s.receiptNo(), s.cashier(), s.completedAt(), s.currency(),
                s.member(), s.coupons(), s.lines(), s.savingMinor(), s.taxMinor(), s.totalMinor(), s.tenders(),
                s.changeMinor(), s.pricesSeq(), s.promotionsSeq(), s.pointsEarned(), s.pointsRedeemed(), s.offline());
    }

    private static Envelope<SaleCompleted> sale(String store, String lane) {
        return saleOfLines(store, 1);
    }

    private static Envelope<SaleCompleted> saleOfLines(String store, int lines) {
        List<SaleCompleted.SaleLine> sold = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            sold.add(new SaleCompleted.SaleLine(i, "S", "6901234567892", "Mineral water 550 ml, still, bottle of "
                    + "the house brand", 1, null, 150, 150, 0, 150, "STD", 17, 150, List.of()));
        }
        long total = 150L * lines;
        SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), "1", NEXT.incrementAndGet(), "1001",
                Instant.now(), "CNY", null, List.of(), sold, 0, 17L * lines, total,
                List.of(new SaleCompleted.Tender("CASH", total)), 0, 1, 0, 0, 0, false);
        return new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", store, null, NEXT.incrementAndGet(),
                Instant.now(), sale);
    }
}
