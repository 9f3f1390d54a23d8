package io.chainretail.hq.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a pending row of the stock book ({@code store_stock_pending.movements}): one JSON array per
 * movement, {@code [store, sku, quantity, weightGrams, position, epochMillis]}.
 */
final class PendingMovements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingMovements() {
    }

    static String write(List<StockBook.Movement> movements) {
        ArrayNode rows = JSON.createArrayNode();
        for (StockBook.Movement movement : movements) {
            rows.addArray().add(movement.store()).add(movement.sku()).add(movement.quantity())
                    .add(movement.weightGrams()).add(movement.position()).add(movement.at().toEpochMilli());
        }
        return rows.toString();
    }

    static List<StockBook.Movement> read(String text) {
        try {
            List<StockBook.Movement> movements = new ArrayList<>();
            for (JsonNode row : JSON.readTree(text)) {
                movements.add(new StockBook.Movement(row.get(0).asText(), row.get(1).asText(), row.get(2).asLong(),
                        row.get(3).asLong(), row.get(4).asLong(), Instant.ofEpochMilli(row.get(5).asLong())));
            }
            return movements;
        } catch (JsonProcessingException e) {
            // Only StockBook writes these rows, in the transaction that stored their events.
            throw new IllegalStateException("A pending stock row is not what StockBook writes: " + e.getMessage(), e);
        }
    }
}
