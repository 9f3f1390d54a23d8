package io.chainretail.agent.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes stock movements in the transaction of the receipt that causes them, and answers what is on
 * hand. Goods received, counts and shrink are the store manager's (issue 6).
 */
@ApplicationScoped
public class StockLedger {

    /** What is on hand of one product: units, and grams for weighed products. */
    public record OnHand(String sku, long quantity, long weightGrams) {
    }

    private final EntityManager entities;

    public StockLedger(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(String sku, long quantity, Long weightGrams, String reason, String reference) {
        StockMovement movement = new StockMovement();
        movement.sku = sku;
        movement.quantity = quantity;
        movement.weightGrams = weightGrams;
        movement.reason = reason;
        movement.reference = reference;
        movement.movedAt = Instant.now();
        movement.persist();
    }

    @Transactional
    public OnHand onHand(String sku) {
        Object[] sums = entities.createQuery("select coalesce(sum(m.quantity), 0), coalesce(sum(m.weightGrams), 0) "
                + "from StockMovement m where m.sku = ?1", Object[].class).setParameter(1, sku).getSingleResult();
        return new OnHand(sku, ((Number) sums[0]).longValue(), ((Number) sums[1]).longValue());
    }
}
