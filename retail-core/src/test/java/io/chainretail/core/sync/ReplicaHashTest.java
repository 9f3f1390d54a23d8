package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaHashTest {

    private final SyncCodec codec = new SyncCodec();

    @Test
    void theSameContentInAnyOrderHasTheSameHash() {
        String a = new ReplicaHash().add(codec, product("A", "矿泉水", "6901234567892", "4006381333931"))
                .add(codec, new ChainPrice("A", 150, "CNY")).value();
        String b = new ReplicaHash().add(codec, new ChainPrice("A", 150, "CNY"))
                .add(codec, product("A", "矿泉水", "4006381333931", "6901234567892")).value();
        assertEquals(a, b);
        assertEquals("0:0000000000000000", new ReplicaHash().value());
    }

    @Test
    void aRowHashesLikeItsStoredCanonicalJson() {
        ChainPrice price = new ChainPrice("A", 150, "CNY");
        assertEquals(new ReplicaHash().add(codec, price).value(),
                new ReplicaHash().add("prices.chain.v1", "A", codec.payloadJson(price)).value());
    }

    @Test
    void anyDifferenceChangesTheHash() {
        String base = new ReplicaHash().add(codec, new ChainPrice("A", 150, "CNY")).value();
        assertNotEquals(base, new ReplicaHash().add(codec, new ChainPrice("A", 151, "CNY")).value());
        assertNotEquals(base, new ReplicaHash().add(codec, new ChainPrice("A", 150, "EUR")).value());
        assertNotEquals(base, new ReplicaHash().add(codec, new ChainPrice("A", 150, "CNY"))
                .add(codec, new ChainPrice("B", 1, "CNY")).value());
    }

    private static ProductChange product(String sku, String name, String... barcodes) {
        return new ProductChange(sku, name, List.of(barcodes), true, null, null, "VAT13", Measure.UNIT, null);
    }
}
