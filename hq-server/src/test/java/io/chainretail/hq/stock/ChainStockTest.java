package io.chainretail.hq.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.sync.payload.UplinkBatch;
import io.chainretail.hq.TestStore;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stores' stock as HQ books it from their journals: every movement once, in every store's own rows. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class ChainStockTest {

    private static final String STORE = "0031";

    private final SyncCodec codec = new SyncCodec();
    private static long position; // one store journal across the tests: a position is stored once
    private static long receiptNo;

    @Inject
    StockBook book;

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    @Test
    void booksEachStockMovementOnceAsTheStoreLedgerDid() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, STORE)) {
            Envelope<StockAdjusted> received = adjustment(StockAdjusted.Kind.RECEIVED, 24);
            store.publish("stock", codec.encode(received));
            assertEquals(received.id(), store.nextAck());

            Envelope<SaleCompleted> sale = sale(line(1, "W-31", 3, null, 150), line(2, "B-31", 1, 500L, 900));
            Envelope<ReturnCompleted> refund = giveBack(sale.payload().saleId(), "W-31", 1);
            store.publish("batch", codec.encode(batch(sale, refund)));
            assertEquals(Set.of(sale.id(), refund.id()), Set.of(store.nextAck(), store.nextAck()));
            store.publish("sale", codec.encode(sale));
            assertEquals(sale.id(), store.nextAck(), "a resent sale is acknowledged again");

            given().queryParam("store", STORE).get("/api/stock").then().statusCode(200).body("$", hasSize(2))
                    .body("find { it.sku == 'W-31' }.quantity", equalTo(22))
                    .body("find { it.sku == 'W-31' }.asOfPosition", equalTo((int) refund.position().longValue()))
                    .body("find { it.sku == 'B-31' }.quantity", equalTo(-1))
                    .body("find { it.sku == 'B-31' }.weightGrams", equalTo(-500));
            given().queryParam("sku", "W-31").get("/api/stock").then().statusCode(200).body("$", hasSize(1))
                    .body("[0].store", equalTo(STORE));
            given().queryParam("store", STORE).queryParam("below", 0).get("/api/stock").then().statusCode(200)
                    .body("sku", equalTo(List.of("B-31")));

            Envelope<StockAdjusted> counted = adjustment(StockAdjusted.Kind.COUNTED, -2);
            store.publish("stock", codec.encode(counted));
            assertEquals(counted.id(), store.nextAck());
            given().queryParam("sku", "W-31").get("/api/stock").then().body("[0].quantity", equalTo(20));
            assertEquals(0L, pending(), "reading the book folded every pending movement into it");
        }
    }

    @Test
    void pendingMovementsOfManyBatchesFoldIntoOneMoveEach() throws Exception {
        try (TestStore store = new TestStore(broker, accounts, STORE)) {
            List<Envelope<?>> sales = List.of(sale(line(1, "F-31", 2, null, 100)), sale(line(1, "F-31", 3, null, 100)),
                    sale(line(1, "G-31", 1, null, 100)));
            for (Envelope<?> sale : sales) {
                store.publish("sale", codec.encode(sale));
                assertEquals(sale.id(), store.nextAck());
            }
            book.catchUp();
            assertEquals(0L, pending());
            given().queryParam("store", STORE).queryParam("sku", "F-31").get("/api/stock").then()
                    .body("[0].quantity", equalTo(-5));
            given().queryParam("store", STORE).queryParam("sku", "G-31").get("/api/stock").then()
                    .body("[0].quantity", equalTo(-1));
        }
    }

    @Test
    void aReadFoldsEveryPendingLotThoughThereAreMoreThanOneFoldTakes() {
        int batches = 2 * StockBook.FOLD_ROWS + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < batches; i++) {
                book.move(List.of(sale(line(1, "M-31", 1, null, 100))));
            }
        });
        given().queryParam("store", STORE).queryParam("sku", "M-31").get("/api/stock").then().statusCode(200)
                .body("[0].quantity", equalTo(-batches));
        assertEquals(0L, pending());
    }

    private static long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery("select count(*) from store_stock_pending").getSingleResult())
                .longValue());
    }

    @Test
    void refusesANonsensicalFilter() {
        given().queryParam("size", 0).get("/api/stock").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().queryParam("sku", "x".repeat(65)).get("/api/stock").then().statusCode(400)
                .body("field", equalTo("sku"));
    }

    private Envelope<StockAdjusted> adjustment(StockAdjusted.Kind kind, long change) {
        Instant now = Instant.now();
        return envelope(MessageSchema.STOCK_ADJUSTED, new StockAdjusted(EventIds.next().toString(), "W-31", kind,
                change, kind == StockAdjusted.Kind.COUNTED ? 20L : null, "DN-31", "9001", now));
    }

    private static SaleCompleted.SaleLine line(int lineNo, String sku, long quantity, Long grams, long price) {
        long amount = price * quantity;
        return new SaleCompleted.SaleLine(lineNo, sku, null, sku, quantity, grams, price, amount, 0, amount, "STD", 0,
                amount, List.of());
    }

    private Envelope<SaleCompleted> sale(SaleCompleted.SaleLine... lines) {
        long total = List.of(lines).stream().mapToLong(SaleCompleted.SaleLine::payableMinor).sum();
        return envelope(MessageSchema.SALE, new SaleCompleted(EventIds.next().toString(), "1", ++receiptNo, "1001",
                Instant.now(), "CNY", null, List.of(), List.of(lines), 0, 0, total,
                List.of(new SaleCompleted.Tender("CASH", total)), 0, 1, 1, 0, 0, false));
    }

    private Envelope<ReturnCompleted> giveBack(String saleId, String sku, long quantity) {
        ReturnCompleted.ReturnLine line = new ReturnCompleted.ReturnLine(1, sku, sku, quantity, null, 150, "STD", 0);
        return envelope(MessageSchema.RETURN, new ReturnCompleted(EventIds.next().toString(), "RETURN", "1",
                ++receiptNo, "1001", null, Instant.now(), "CNY", saleId, null, List.of(line), 0, 150,
                List.of(new SaleCompleted.Tender("CASH", 150)), "changed mind", 0, 0));
    }

    private <T> Envelope<T> envelope(MessageSchema schema, T payload) {
        return new Envelope<>(schema, EventIds.next(), "demo", STORE, null, ++position, Instant.now(), payload);
    }

    private Envelope<UplinkBatch> batch(Envelope<?>... events) {
        return new Envelope<>(MessageSchema.UPLINK_BATCH, EventIds.next(), "demo", STORE, null, null, Instant.now(),
                new UplinkBatch(List.of(events).stream().map(e -> new UplinkBatch.Event(e.schema().id(), e.id(),
                        e.position(), e.occurredAt(), codec.payloadTree(e.payload()))).collect(Collectors.toList())));
    }
}
