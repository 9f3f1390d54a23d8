package io.chainretail.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaHashTest {

    @Test
    void theSameContentInAnyOrderHasTheSameHash() {
        String a = new ReplicaHash().addProduct("A", "矿泉水", true, List.of("2", "1"))
                .addProduct("B", "Tea", false, List.of()).value();
        String b = new ReplicaHash().addProduct("B", "Tea", false, List.of())
                .addProduct("A", "矿泉水", true, List.of("1", "2")).value();
        assertEquals(a, b);
        assertEquals("0:0000000000000000", new ReplicaHash().value());
    }

    @Test
    void databaseRowsHashLikeTheRowsTheyHold() {
        List<Object[]> products = List.of(new Object[] {"A", "矿泉水", true}, new Object[] {"B", "Tea", false});
        List<Object[]> barcodes = List.of(new Object[] {"A", "2"}, new Object[] {"A", "1"});
        assertEquals(new ReplicaHash().addProduct("A", "矿泉水", true, List.of("1", "2"))
                .addProduct("B", "Tea", false, List.of()).value(), ReplicaHash.catalog(products, barcodes));
        assertEquals(new ReplicaHash().addPrice("A", 150, "CNY").value(),
                ReplicaHash.prices(List.<Object[]>of(new Object[] {"A", 150L, "CNY"})));
    }

    @Test
    void anyDifferenceChangesTheHash() {
        String base = new ReplicaHash().addPrice("A", 150, "CNY").value();
        assertNotEquals(base, new ReplicaHash().addPrice("A", 151, "CNY").value());
        assertNotEquals(base, new ReplicaHash().addPrice("A", 150, "EUR").value());
        assertNotEquals(base, new ReplicaHash().addPrice("A", 150, "CNY").addPrice("B", 1, "CNY").value());
        assertNotEquals(new ReplicaHash().addProduct("A", "x", true, List.of()).value(),
                new ReplicaHash().addProduct("A", "x", false, List.of()).value());
    }
}
