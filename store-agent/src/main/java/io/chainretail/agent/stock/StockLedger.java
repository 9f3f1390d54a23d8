package io.chainretail.agent.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

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

    /** One product's movement: units, and grams for a weighed line (else {@code null}); negative is out. */
    public record Move(String sku, long quantity, Long weightGrams) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(String sku, long quantity, Long weightGrams, String reason, String reference) {
        moveAll(List.of(new Move(sku, quantity, weightGrams)), reason, reference);
    }

    /**
     * Writes the movements of one receipt or adjustment as one JDBC batch: a sale's lines are one round
     * trip to the database inside the sale's commit, where an entity each was an insert each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAll(List<Move> moves, String reason, String reference) {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into stock_movement"
                    + " (sku, quantity, weight_grams, reason, reference, moved_at) values (?, ?, ?, ?, ?, ?)")) {
                for (Move move : moves) {
                    insert.setString(1, move.sku());
                    insert.setLong(2, move.quantity());
                    insert.setObject(3, move.weightGrams(), Types.BIGINT);
                    insert.setString(4, reason);
                    insert.setString(5, reference);
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** What is on hand of every product that ever moved, by SKU. */
    @Transactional
    public List<OnHand> all() {
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
