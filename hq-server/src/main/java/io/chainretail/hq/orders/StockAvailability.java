package io.chainretail.hq.orders;

import io.chainretail.hq.stock.StockBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Units of products a store can still promise: on hand as its journal reported, less what its open online orders
 * reserve. A product that never moved at the store has none.
 */
@ApplicationScoped
public class StockAvailability {

    private final EntityManager entities;
    private final StockBook book;

    public StockAvailability(EntityManager entities, StockBook book) {
        this.entities = entities;
        this.book = book;
    }

    /** Available units by SKU, for the SKUs asked (absent: none). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> at(String store, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        book.catchUp();
        Map<String, Long> available = new HashMap<>();
        for (Object[] row : (Iterable<Object[]>) entities.createNativeQuery("select s.sku, s.quantity"
                + " - coalesce((select sum(l.quantity) from online_order_line l join online_order o"
                + " on o.order_id = l.order_id where o.store_code = s.store_code and l.sku = s.sku"
                + " and o.state in (" + reserving() + ")), 0)"
                + " from store_stock s where s.store_code = ?1 and s.sku in (?2)").setParameter(1, store)
                .setParameter(2, skus).getResultList()) {
            available.put((String) row[0], ((Number) row[1]).longValue());
        }
        return available;
    }

    private static String reserving() {
        return OrderState.RESERVING.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    }
}
