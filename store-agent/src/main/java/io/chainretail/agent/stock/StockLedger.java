package io.chainretail.agent.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes stock movements in the transaction of the receipt (or the manager's adjustment) that causes
 * them, and answers what is on hand.
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

    /** What is on hand of every product that ever moved, by SKU. */
    @Transactional
    public java.util.List<OnHand> all() {
        return entities.createQuery("select m.sku, sum(m.quantity), coalesce(sum(m.weightGrams), 0) from "
                + "StockMovement m group by m.sku order by m.sku", Object[].class).getResultList().stream()
                .map(row -> new OnHand((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    @Transactional
    public OnHand onHand(String sku) {
        Object[] sums = entities.createQuery("select coalesce(sum(m.quantity), 0), coalesce(sum(m.weightGrams), 0) "
                + "from StockMovement m where m.sku = ?1", Object[].class).setParameter(1, sku).getSingleResult();
        return new OnHand(sku, ((Number) sums[0]).longValue(), ((Number) sums[1]).longValue());
    }
}
