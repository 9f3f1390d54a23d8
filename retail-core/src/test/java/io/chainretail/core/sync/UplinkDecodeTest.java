package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.UplinkBatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HQ's reading of uplink messages: one event, or a store's batch, each with its payload text as sent. */
class UplinkDecodeTest {

    private final SyncCodec codec = new SyncCodec();

    @Test
    void aBatchDecodesIntoItsEventsWithTheBatchsChainAndStoreAndEachPayloadAsSent() throws Exception {
        List<Envelope<SaleCompleted>> sales = List.of(sale(1, "矿泉水 550ml"), sale(2, "Orange Juice"));

        List<SyncCodec.UplinkEvent> events = codec.decodeUplink(batch(sales)).events();

        assertEquals(2, events.size());
        for (int i = 0; i < sales.size(); i++) {
            assertEquals(sales.get(i), events.get(i).envelope());
            assertEquals(codec.payloadJson(sales.get(i).payload()), events.get(i).payloadJson());
        }
    }

    @Test
    void storedEventsEncodeAsTheStoreSendsThemAndDecodeAsTheyWere() throws Exception {
        List<Envelope<SaleCompleted>> sales = List.of(sale(4, "大米 5kg"), sale(5, "Coffee"), sale(6, "牛奶"));
        List<SyncCodec.StoredEvent> stored = sales.stream().map(sale -> new SyncCodec.StoredEvent(sale.schema(),
                sale.id(), sale.position(), sale.occurredAt(), codec.payloadJson(sale.payload()))).toList();

        List<SyncCodec.UplinkEvent> batch = codec.decodeUplink(codec.encodeUplink("acme", "0001", stored)).events();
        List<SyncCodec.UplinkEvent> alone = codec.decodeUplink(codec.encodeUplink("acme", "0001",
                stored.subList(0, 1))).events();

        assertEquals(sales, batch.stream().map(SyncCodec.UplinkEvent::envelope).toList());
        assertEquals(stored.stream().map(SyncCodec.StoredEvent::payloadJson).toList(),
                batch.stream().map(SyncCodec.UplinkEvent::payloadJson).toList());
        assertEquals(sales.get(0), alone.get(0).envelope());
        assertEquals(sales.get(0), codec.decode(codec.encodeUplink("acme", "0001", stored.subList(0, 1))),
                "one event travels as itself, not as a batch of one");
    }

    @Test
    void anEventNamingItsSchemaAfterItsPayloadDecodesTheSame() throws Exception {
        Envelope<SaleCompleted> sale = sale(7, "Tea");
        String good = new String(batch(List.of(sale)), StandardCharsets.UTF_8);
        String schema = "\"schema\":\"" + sale.schema().id() + "\"";
        String moved = good.replace(schema + ",", "").replace("}]}}", "," + schema + "}]}}");
        assertTrue(moved.indexOf(schema) > moved.indexOf("\"payload\":{\"saleId"), moved);

        List<SyncCodec.UplinkEvent> events = codec.decodeUplink(moved.getBytes(StandardCharsets.UTF_8)).events();

        assertEquals(List.of(new SyncCodec.UplinkEvent(sale, codec.payloadJson(sale.payload()))), events);
    }

    @Test
    void aSingleEventDecodesAsItself() throws Exception {
        Envelope<SaleCompleted> sale = sale(3, "绿茶");

        List<SyncCodec.UplinkEvent> events = codec.decodeUplink(codec.encode(sale)).events();

        assertEquals(List.of(new SyncCodec.UplinkEvent(sale, codec.payloadJson(sale.payload()))), events);
    }

    @Test
    void aDownlinkMessageIsNoUplinkEvent() {
        Envelope<?> delta = new Envelope<>(MessageSchema.byId("prices.chain.v1").orElseThrow(), EventIds.next(),
                "acme", null, 5L, null, Instant.now(), new ChainPrice("A", 150, "CNY"));
        assertThrows(MalformedMessageException.class, () -> codec.decodeUplink(codec.encode(delta)));
    }

    /**
     * One event with a bad envelope in a batch of a good one: {@code BAD} is replaced by the bad event's text.
     * (A sound envelope around a bad payload is refused alone: see below.)
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":\"prices.chain.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"position\":2,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"priceMinor\":1,"
                + "\"currency\":\"CNY\"}}",
        "{\"schema\":\"up.sale.v2\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"position\":-2,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "{\"schema\":\"up.sale.v2\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"position\":2,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":[]}",
        "{\"schema\":\"up.sale.v2\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"position\":2,\"position\":3,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "{\"schema\":\"up.sale.v2\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"position\":2,\"extra\":1,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "{\"schema\":\"up.sale.v2\",\"id\":\"not-a-uuid\",\"position\":2,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "7",
    })
    void oneBadEventRejectsTheWholeBatch(String bad) throws Exception {
        String good = new String(batch(List.of(sale(1, "Water"))), StandardCharsets.UTF_8);
        byte[] tampered = good.replace("}]}}", "}," + bad + "]}}").getBytes(StandardCharsets.UTF_8);
        assertTrue(!new String(tampered, StandardCharsets.UTF_8).equals(good), "the bad event went in");
        assertThrows(MalformedMessageException.class, () -> codec.decodeUplink(tampered));
    }

    @Test
    void anEventWhosePayloadBreaksItsRulesIsRefusedAloneWithItsIdentityAndText() throws Exception {
        List<Envelope<SaleCompleted>> sales = List.of(sale(1, "Water"), sale(2, "Tea"), sale(3, "Rice"));
        String good = new String(batch(sales), StandardCharsets.UTF_8);
        String longLane = good.replaceFirst("\"lane\":\"01\"", "\"lane\":\"01234567890123456\"");
        assertTrue(!longLane.equals(good), "the lane grew");

        SyncCodec.UplinkMessage message = codec.decodeUplink(longLane.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(sales.get(1), sales.get(2)),
                message.events().stream().map(SyncCodec.UplinkEvent::envelope).toList());
        SyncCodec.RefusedEvent refused = message.refused().get(0);
        assertEquals(sales.get(0).id(), refused.id());
        assertEquals(1, refused.position());
        assertEquals("0001", refused.store());
        assertTrue(refused.reason().contains("lane") && refused.reason().contains("16"), refused.reason());
        assertTrue(refused.payloadJson().contains("01234567890123456"), refused.payloadJson());
        assertThrows(MalformedMessageException.class, () -> codec.readRefused("acme", refused));
    }

    @Test
    void aSingleEventWithAnUnknownCurrencyIsRefusedNotRejected() throws Exception {
        Envelope<SaleCompleted> sale = sale(9, "Water");
        String bad = new String(codec.encode(sale), StandardCharsets.UTF_8).replace("\"CNY\"", "\"CNYX\"");

        SyncCodec.UplinkMessage message = codec.decodeUplink(bad.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(), message.events());
        assertEquals(sale.id(), message.refused().get(0).id());
        assertTrue(message.refused().get(0).reason().contains("currency"), message.refused().get(0).reason());
    }

    @Test
    void aBatchThatNamesNoStoreIsRejected() {
        String good = new String(batch(List.of(sale(1, "Water"))), StandardCharsets.UTF_8);
        String storeless = good.replace("\"store\":\"0001\",", "");
        assertTrue(!storeless.equals(good), "the store field went");
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> codec.decodeUplink(storeless.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("store"), e.getMessage());
    }

    @Test
    void anEmptyBatchIsRejected() throws Exception {
        String good = new String(batch(List.of(sale(1, "Water"))), StandardCharsets.UTF_8);
        String empty = good.substring(0, good.indexOf("\"events\":[") + 10) + "]}}";
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> codec.decodeUplink(empty.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("at least one event"), e.getMessage());
    }

    private byte[] batch(List<Envelope<SaleCompleted>> sales) {
        List<UplinkBatch.Event> events = sales.stream().map(sale -> new UplinkBatch.Event(sale.schema().id(),
                sale.id(), sale.position(), sale.occurredAt(), codec.payloadTree(sale.payload()))).toList();
        return codec.encode(new Envelope<>(MessageSchema.UPLINK_BATCH, EventIds.next(), "acme", "0001", null, null,
                Instant.parse("2026-11-21T10:05:00Z"), new UplinkBatch(events)));
    }

    private static Envelope<SaleCompleted> sale(long position, String name) {
        SaleCompleted.SaleLine line = new SaleCompleted.SaleLine(1, "SKU-1", "6901234567892", name, 2, null, 150,
                300, 30, 270, "STD", 31, 270, List.of(new SaleCompleted.LinePromotion("WATER10", 3, 30)));
        SaleCompleted sale = new SaleCompleted("s" + position, "01", position, "1001",
                Instant.parse("2026-11-21T10:00:00Z"), "CNY", null, List.of(), List.of(line), 30, 31, 270,
                List.of(new SaleCompleted.Tender("CASH", 500)), 230, 12, 4, 0, 0, false);
        return new Envelope<>(MessageSchema.SALE, EventIds.next(), "acme", "0001", null, position,
                sale.completedAt(), sale);
    }
}
