package io.chainretail.hq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.Targets;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.LocalPromotionChanged;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.sync.payload.UplinkBatch;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store's uplink through the embedded broker: stored once, acknowledged after commit, impostors refused. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class SaleIngestTest {

    /** Journal positions and receipt numbers, unique across the tests (they share stores and a database). */
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    private final SyncCodec codec = new SyncCodec();

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    private TestStore store;

    @BeforeEach
    void connectAsStore() throws Exception {
        store = new TestStore(broker, accounts, "0007");
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void storesASaleOnceHoweverOftenItArrivesAndAcknowledgesEachTime() throws Exception {
        Envelope<SaleCompleted> event = sale("0007", "0007-lane-7");
        byte[] bytes = codec.encode(event);
        double duplicatesBefore = duplicates();
        store.publish("sale", bytes);
        assertEquals(event.id(), store.nextAck());
        store.publish("sale", bytes);
        assertEquals(event.id(), store.nextAck(), "a duplicate is acknowledged again");

        given().get("/api/stores/0007/sales").then().statusCode(200).body("$", hasSize(1));
        assertEquals(duplicatesBefore + 1, duplicates());
    }

    private static double duplicates() {
        return metric("hq_uplink_events_duplicate_total");
    }

    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElse(0);
    }

    /** Waits until HQ has rejected {@code count} more malformed messages than {@code before}. */
    private static void awaitRejected(double before, int count) throws InterruptedException {
        String name = "hq_uplink_messages_rejected_total{reason=\"malformed\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (metric(name) < before + count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("HQ did not reject " + count + " message(s)");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void storesABacklogSentAllAtOnceEachEventOnce() throws Exception {
        List<Envelope<SaleCompleted>> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            backlog.add(sale("0012", "0012-lane-1"));
        }
        backlog.add(backlog.get(7)); // resent within the same burst
        try (TestStore store12 = new TestStore(broker, accounts, "0012")) {
            for (Envelope<SaleCompleted> event : backlog) {
                store12.publish("sale", codec.encode(event));
            }
            java.util.Set<UUID> acknowledged = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (acknowledged.size() < 300 && System.currentTimeMillis() < deadline) {
                UUID id = store12.acks.poll(1, TimeUnit.SECONDS);
                if (id != null) {
                    acknowledged.add(id);
                }
            }
            assertEquals(300, acknowledged.size(), "every event acknowledged");
        }
        given().get("/api/stores/0012/sales?size=1000").then().statusCode(200).body("$", hasSize(300));
    }

    @Test
    void storesEveryEventOfABatchMessageOnceAndAcknowledgesEach() throws Exception {
        List<Envelope<SaleCompleted>> sales = List.of(sale("0014", "1"), sale("0014", "1"), sale("0014", "1"));
        try (TestStore store14 = new TestStore(broker, accounts, "0014")) {
            store14.publish("batch", codec.encode(batch("0014", sales)));
            java.util.Set<UUID> acknowledged = new java.util.HashSet<>();
            for (int i = 0; i < 3; i++) {
                acknowledged.add(store14.nextAck());
            }
            assertEquals(sales.stream().map(Envelope::id).collect(java.util.stream.Collectors.toSet()), acknowledged);
            // The same batch again: each event a duplicate, acknowledged again, stored once.
            store14.publish("batch", codec.encode(batch("0014", sales)));
            for (int i = 0; i < 3; i++) {
                assertTrue(acknowledged.contains(store14.nextAck()));
            }
        }
        given().get("/api/stores/0014/sales").then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void refusesABatchWithOneBadEventWhole() throws Exception {
        UplinkBatch.Event good = eventOf(sale("0015", "1"));
        UplinkBatch.Event notAnUplinkEvent = new UplinkBatch.Event("prices.chain.v1", EventIds.next(), 2,
                Instant.now(), codec.payloadTree(new ChainPrice("S", 100, "CNY")));
        double rejectedBefore = metric("hq_uplink_messages_rejected_total{reason=\"malformed\"}");
        try (TestStore store15 = new TestStore(broker, accounts, "0015")) {
            store15.publish("batch", codec.encode(new Envelope<>(MessageSchema.UPLINK_BATCH,
                    EventIds.next(), "demo", "0015", null, null, Instant.now(),
                    new UplinkBatch(List.of(good, notAnUplinkEvent)))));
            // A batch of another store on this store's topic: its events are that store's, so refused.
            store15.publish("batch", codec.encode(batch("0016", List.of(sale("0016", "1")))));
            awaitRejected(rejectedBefore, 2);
            assertEquals(0, store15.acks.size(), "nothing stored, nothing acknowledged");
        }
        given().get("/api/stores/0015/sales").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/stores/0016/sales").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void refusesAnEventOfAnotherStoreOnThisStoresTopic() throws Exception {
        Envelope<SaleCompleted> impostor = sale("0008", "x");
        double rejectedBefore = metric("hq_uplink_messages_rejected_total{reason=\"malformed\"}");
        store.publish("sale", codec.encode(impostor));
        awaitRejected(rejectedBefore, 1);
        assertEquals(0, store.acks.size(), "nothing stored, nothing acknowledged");
        given().get("/api/stores/0008/sales").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void showsAStoresShelfAlertsOpenUntilCleared() throws Exception {
        UUID raised = publishShelfAlert("a-1", ShelfAlert.State.RAISED, 2, 10L);
        assertEquals(raised, store.nextAck());
        given().get("/api/shelf-alerts?store=0007").then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("DISCREPANCY")).body("[0].shelfUnits", equalTo(2))
                .body("[0].bookUnits", equalTo(10));
        given().get("/api/shelf-alerts?store=0009").then().statusCode(200).body("$", hasSize(0));

        UUID cleared = publishShelfAlert("a-1", ShelfAlert.State.CLEARED, 2, 2L);
        assertEquals(cleared, store.nextAck());
        given().get("/api/shelf-alerts?store=0007").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/shelf-alerts?store=0007&open=false").then().statusCode(200).body("$", hasSize(1))
                .body("[0].bookUnits", equalTo(2)).body("[0].clearedAt", notNullValue());
    }

    @Test
    void showsWhatAStoreChargesOnItsOwn() throws Exception {
        Instant now = Instant.now();
        Envelope<PriceOverrideChanged> set = new Envelope<>(MessageSchema.PRICE_OVERRIDE, EventIds.next(), "demo",
                "0007", null, nextPosition(), now,
                new PriceOverrideChanged("W-7", 120L, "CNY", null, null, "9001", now, false));
        store.publish("price-override", codec.encode(set));
        assertEquals(set.id(), store.nextAck());
        given().get("/api/stores/0007/price-overrides").then().statusCode(200).body("$", hasSize(1))
                .body("[0].sku", equalTo("W-7")).body("[0].priceMinor", equalTo(120))
                .body("[0].setBy", equalTo("9001"));

        Envelope<PriceOverrideChanged> removed = new Envelope<>(MessageSchema.PRICE_OVERRIDE, EventIds.next(),
                "demo", "0007", null, nextPosition(), now, new PriceOverrideChanged("W-7", null, null, null, null,
                "9001",
                now.plusSeconds(60), true));
        store.publish("price-override", codec.encode(removed));
        assertEquals(removed.id(), store.nextAck());
        given().get("/api/stores/0007/price-overrides").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void showsThePromotionsAStoreRunsOnItsOwn() throws Exception {
        Instant now = Instant.now();
        Promotion water = new Promotion("L-0007-W10", 1, "Water week", true, PromotionType.PERCENT_OFF,
                new ItemScope(List.of("W-7"), List.of(), List.of()), 1000, null, null, null, null, null, null, null,
                false, null, new Targets(false, List.of(), List.of("0007")),
                new Schedule(java.time.LocalDateTime.of(2026, 11, 1, 0, 0), null, null, null, null), 0, "store-local");
        Envelope<LocalPromotionChanged> started = new Envelope<>(MessageSchema.LOCAL_PROMOTION, EventIds.next(),
                "demo", "0007", null, nextPosition(), now, new LocalPromotionChanged(water, "9001", now, false));
        store.publish("local-promotion", codec.encode(started));
        assertEquals(started.id(), store.nextAck());
        given().get("/api/stores/0007/local-promotions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].promotion.code", equalTo("L-0007-W10")).body("[0].manager", equalTo("9001"));

        Envelope<LocalPromotionChanged> ended = new Envelope<>(MessageSchema.LOCAL_PROMOTION, EventIds.next(),
                "demo", "0007", null, nextPosition(), now,
                new LocalPromotionChanged(water, "9001", now.plusSeconds(60), true));
        store.publish("local-promotion", codec.encode(ended));
        assertEquals(ended.id(), store.nextAck());
        given().get("/api/stores/0007/local-promotions").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/stores/0007/audit").then().statusCode(200)
                .body("find { it.action == 'PROMOTION_ENDED' }.who", equalTo("9001"))
                .body("find { it.action == 'PROMOTION_SET' }.detail", equalTo("L-0007-W10 Water week v1"));
    }

    @Test
    void keepsAStoresManualStockMovements() throws Exception {
        Instant now = Instant.now();
        Envelope<StockAdjusted> received = new Envelope<>(MessageSchema.STOCK_ADJUSTED, EventIds.next(), "demo",
                "0007", null, nextPosition(), now, new StockAdjusted(EventIds.next().toString(), "W-7",
                StockAdjusted.Kind.RECEIVED, 24, null, "DN-7781", "9001", now));
        store.publish("stock", codec.encode(received));
        assertEquals(received.id(), store.nextAck());
        given().get("/api/stores/0007/stock-adjustments").then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("RECEIVED")).body("[0].quantity", equalTo(24))
                .body("[0].note", equalTo("DN-7781"));
    }

    private UUID publishShelfAlert(String id, ShelfAlert.State state, int shelfUnits, Long bookUnits)
            throws Exception {
        ShelfAlert alert = new ShelfAlert("0007-" + id, ShelfAlert.Kind.DISCREPANCY, state, "A1", 0, "RAZOR-5",
                shelfUnits, bookUnits, Instant.now());
        Envelope<ShelfAlert> event = new Envelope<>(MessageSchema.SHELF_ALERT, EventIds.next(), "demo", "0007", null,
                nextPosition(), Instant.now(), alert);
        store.publish("shelf-alert", codec.encode(event));
        return event.id();
    }

    private Envelope<UplinkBatch> batch(String storeCode, List<Envelope<SaleCompleted>> sales) {
        return new Envelope<>(MessageSchema.UPLINK_BATCH, EventIds.next(), "demo", storeCode, null, null,
                Instant.now(), new UplinkBatch(sales.stream().map(this::eventOf).toList()));
    }

    private UplinkBatch.Event eventOf(Envelope<SaleCompleted> sale) {
        return new UplinkBatch.Event(sale.schema().id(), sale.id(), sale.position(), sale.occurredAt(),
                codec.payloadTree(sale.payload()));
    }

    private static long nextPosition() {
        return NEXT.incrementAndGet();
    }

    private static Envelope<SaleCompleted> sale(String storeCode, String lane) {
        SaleCompleted.SaleLine water = new SaleCompleted.SaleLine(1, "S", "6901234567892", "Water", 1, null, 150, 150,
                0, 150, "STD", 17, 150, List.of());
        SaleCompleted sale = new SaleCompleted(EventIds.next().toString(), lane.substring(0, 1),
                NEXT.incrementAndGet(), "1001", Instant.now(), "CNY", null, List.of(), List.of(water), 0, 17, 150,
                List.of(new SaleCompleted.Tender("CASH", 200)), 50, 1, 0, 0, 0, false);
        return new Envelope<>(MessageSchema.SALE, EventIds.next(), "demo", storeCode, null, nextPosition(),
                Instant.now(), sale);
    }
}
