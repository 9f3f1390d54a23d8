package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncCodecTest {

    private final SyncCodec codec = new SyncCodec();

    @Test
    void roundTripsAFeedDeltaWithChineseText() throws Exception {
        Envelope<ProductChange> delta = new Envelope<>(MessageSchema.PRODUCT, EventIds.next(), "acme", null, 42L,
                null, Instant.parse("2026-11-21T10:00:00Z"),
                new ProductChange("SKU-1", "矿泉水 550ml", List.of("6901234567892"), true, "drinks", null, "VAT13",
                        Measure.UNIT, null));

        Envelope<?> decoded = codec.decode(codec.encode(delta));

        assertEquals(delta, decoded);
    }

    @Test
    void roundTripsAnUplinkSale() throws Exception {
        Envelope<SaleCompleted> event = saleEvent();
        assertEquals(event, codec.decode(codec.encode(event)));
    }

    private static Envelope<SaleCompleted> saleEvent() {
        SaleCompleted.SaleLine water = new SaleCompleted.SaleLine(1, "SKU-1", "6901234567892", "Water", 2, null, 150,
                300, 30, 270, "STD", 31, 270, List.of(new SaleCompleted.LinePromotion("WATER10", 3, 30)));
        SaleCompleted sale = new SaleCompleted("s1", "01", 7, "1001", Instant.parse("2026-11-21T10:00:00Z"), "CNY",
                "M0001", List.of(), List.of(water), 30, 31, 270, List.of(new SaleCompleted.Tender("CASH", 500)), 230,
                12, 4, 2, 0, false);
        return new Envelope<>(MessageSchema.SALE, EventIds.next(), "acme", "0001", null, 3L, sale.completedAt(), sale);
    }

    @Test
    void decodesFieldsInAnyOrder() throws Exception {
        Envelope<SaleCompleted> event = saleEvent();
        ObjectNode encoded = (ObjectNode) new ObjectMapper().readTree(codec.encode(event));
        ObjectNode payloadFirst = new ObjectMapper().createObjectNode();
        payloadFirst.set("payload", encoded.get("payload"));
        payloadFirst.setAll(encoded);

        assertEquals(event, codec.decode(payloadFirst.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{}",
        "{\"schema\":\"catalog.product.v9\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"x\",\"chain\":\"acme\",\"seq\":1,"
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[\"4006381333932\"],\"active\":true}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true,\"extra\":1}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":-4,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true}} trailing",
        "{\"payload\":{\"sku\":\"A\",\"name\":\"B\",\"barcodes\":[],\"active\":true},"
                + "\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\","
                + "\"chain\":\"acme\",\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"extra\":1}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":[]}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"yesterday\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"seq\":2,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\","
                + "\"name\":\"B\",\"barcodes\":[],\"active\":true}}",
        "{\"schema\":\"catalog.product.v1\",\"id\":\"0190a0e2-0000-7000-8000-000000000000\",\"chain\":\"acme\","
                + "\"seq\":1,\"occurredAt\":\"2026-11-21T10:00:00Z\",\"payload\":{\"sku\":\"A\",\"name\":\"B\","
                + "\"barcodes\":[],\"active\":true},\"payload\":{\"sku\":\"A\",\"name\":\"C\","
                + "\"barcodes\":[],\"active\":true}}",
    })
    void rejectsMalformedMessagesWithAReason(String json) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> codec.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void rejectsASaleWhoseTotalIsNotTheSumOfItsLines() {
        String json = new String(codec.encode(saleEvent()), StandardCharsets.UTF_8);
        byte[] tampered = json.replace("\"totalMinor\":270", "\"totalMinor\":260").getBytes(StandardCharsets.UTF_8);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> codec.decode(tampered));
        assertTrue(e.getMessage().contains("not the sum"), e.getMessage());
    }

    @Test
    void topicsNameTheStore() {
        Topics topics = new Topics("acme");
        assertEquals("retail/v1/acme/store/0001/up/sale", topics.up("0001", "sale"));
        assertEquals("0001", topics.storeOf("retail/v1/acme/store/0001/up/sale").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> topics.up("00/+", "sale"));
    }
}
