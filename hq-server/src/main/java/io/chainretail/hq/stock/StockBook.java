package io.chainretail.hq.stock;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * HQ's book of every store's stock on hand ({@code store_stock}): the journal events that move stock (sales,
 * returns and voids, the manager's adjustments) move it here exactly as the store's own ledger moved. Their
 * movements are booked as pending in the transaction that stores them, so an event counts once however often it
 * arrives, and folded into the book by the next read of it, or by the leading instance once the ingest is quiet
 * (see {@link FoldPace}).
 */
@ApplicationScoped
public class StockBook {

    /** Movements per pending row: a row's JSON stays well under what a column holds. */
    static final int PENDING_ROW = 2_000;
    /** Pending rows one fold takes: a fold after a long outage's drain stays a short transaction. */
    static final int FOLD_ROWS = 500;

    /** One product's movement at one store, from the event at journal {@code position}. */
    record Movement(String store, String sku, long quantity, long weightGrams, long position, Instant at) {
    }

    private final EntityManager entities;
    private final FoldPace pace;

    public StockBook(EntityManager entities, FoldPace pace) {
        this.entities = entities;
        this.pace = pace;
    }

    /** The stock movements an uplinked event stands for, signed as the store's ledger wrote them. */
    static List<Movement> movementsOf(Envelope<?> event) {
        String store = event.store();
        long position = event.position();
        return switch (event.schema()) {
            case SALE -> {
                SaleCompleted sale = event.payloadAs(SaleCompleted.class);
                yield sale.lines().stream().map(line -> new Movement(store, line.sku(), -line.quantity(),
                        line.weightGrams() == null ? 0 : -line.weightGrams(), position, sale.completedAt())).toList();
            }
            case RETURN -> {
                ReturnCompleted refund = event.payloadAs(ReturnCompleted.class);
                yield refund.lines().stream().map(line -> new Movement(store, line.sku(), line.quantity(),
                        line.weightGrams() == null ? 0 : line.weightGrams(), position, refund.completedAt())).toList();
            }
            case STOCK_ADJUSTED -> {
                StockAdjusted adjusted = event.payloadAs(StockAdjusted.class);
                yield List.of(new Movement(store, adjusted.sku(), adjusted.quantity(), 0, position, adjusted.at()));
            }
            case ORDER_PROGRESS -> {
                OrderProgress progress = event.payloadAs(OrderProgress.class);
                yield leaves(progress) ? progress.lines().stream().filter(line -> line.picked() > 0)
                        .map(line -> new Movement(store, line.substitute() != null ? line.substitute() : line.sku(),
                                -line.picked(), 0, position, progress.at())).toList() : List.of();
            }
            default -> List.of();
        };
    }

    /**
     * An order's goods leave the store with the sale a till records (a pickup handed over, a delivery settled when
     * its driver is back), which this book moves like any other sale. A store agent older than that took a
     * delivery's goods off its books when it was sent out and said which in the step's lines: those move here.
     * A current agent sends that step without lines.
     */
    private static boolean leaves(OrderProgress progress) {
        return progress.step() == OrderProgress.Step.OUT_FOR_DELIVERY;
    }

    /**
     * Books the stock movements of the events being stored, in the caller's transaction: summed by store and
     * product, kept as one pending row (a few for a very large batch) until the next {@link #catchUp()}. Storing a
     * batch then costs an insert, not an update of every product it sold: a sale's lines were most of HQ's ingest.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(List<? extends Envelope<?>> events) {
        Map<String, Movement> sums = new TreeMap<>();
        for (Envelope<?> event : events) {
            for (Movement movement : movementsOf(event)) {
                sums.merge(movement.store() + '\u0000' + movement.sku(), movement, StockBook::plus);
            }
        }
        List<Movement> movements = new ArrayList<>(sums.values());
        for (int from = 0; from < movements.size(); from += PENDING_ROW) {
            List<Movement> part = movements.subList(from, Math.min(movements.size(), from + PENDING_ROW));
            entities.createNativeQuery("insert into store_stock_pending (movements) values (?1)")
                    .setParameter(1, PendingMovements.write(part)).executeUpdate();
        }
        if (!movements.isEmpty()) {
            pace.moved();
        }
    }

    /**
     * Moves the book by every movement pending when called, so that what reads the book next reads the events
     * stored so far, the oldest {@value #FOLD_ROWS} pending rows at a time: in the caller's transaction (what reads
     * the book calls this first), or each lot in a transaction of its own when the caller has none (the leading
     * instance's periodic fold), so that catching up after a long outage's drain is a series of short ones. A read
     * never waits for a second connection: a pool full of reads would wait for each other.
     */
    public void catchUp() {
        Long newest = QuarkusTransaction.joiningExisting().call(() -> (Long) entities.createNativeQuery(
                "select max(id) from store_stock_pending", Long.class).getSingleResult());
        if (newest == null) {
            return; // the common case for a read: no lock taken, so reads never queue behind each other
        }
        while (QuarkusTransaction.joiningExisting().call(() -> foldUpTo(newest)) == FOLD_ROWS) {
            // a full lot: there may be more up to the newest
        }
    }

    /**
     * Moves the book by the oldest pending rows up to {@code newest} ({@value #FOLD_ROWS} at most) and deletes them,
     * in the caller's transaction; answers how many it took. Folds take turns on a lock row; each moves each product
     * once by the sum of the rows it took.
     */
    private int foldUpTo(long newest) {
        entities.createNativeQuery("select id from store_stock_fold where id = 1 for update").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("select id, movements from store_stock_pending"
                + " where id <= ?1 order by id").setParameter(1, newest).setMaxResults(FOLD_ROWS).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Movement> sums = new TreeMap<>();
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            for (Movement movement : PendingMovements.read((String) row[1])) {
                sums.merge(movement.store() + '\u0000' + movement.sku(), movement, StockBook::plus);
            }
        }
        apply(new ArrayList<>(sums.values()));
        entities.createNativeQuery("delete from store_stock_pending where id in (?1)").setParameter(1, ids)
                .executeUpdate();
        return rows.size();
    }

    /**
     * One row per store and product, moved in a fixed order (two folds never wait on each other in a circle),
     * inserted where the product never moved there before. On PostgreSQL one statement over arrays does it all
     * (an upsert); elsewhere a batch of updates, then a batch of inserts for the rows no update found.
     */
    private void apply(List<Movement> movements) {
        movements.sort(Comparator.comparing(Movement::store).thenComparing(Movement::sku));
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                upsert(connection, movements);
            } else {
                updateThenInsert(connection, movements);
            }
        });
    }

    private static void upsert(Connection connection, List<Movement> movements) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into store_stock (store_code, sku,"
                + " quantity, weight_grams, as_of_position, moved_at)"
                + " select * from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],"
                + " ?::timestamptz[])"
                + " on conflict (store_code, sku) do update set quantity = store_stock.quantity + excluded.quantity,"
                + " weight_grams = store_stock.weight_grams + excluded.weight_grams,"
                + " as_of_position = greatest(store_stock.as_of_position, excluded.as_of_position),"
                + " moved_at = greatest(store_stock.moved_at, excluded.moved_at)")) {
            upsert.setArray(1, connection.createArrayOf("varchar", movements.stream().map(Movement::store)
                    .toArray()));
            upsert.setArray(2, connection.createArrayOf("varchar", movements.stream().map(Movement::sku).toArray()));
            upsert.setArray(3, connection.createArrayOf("bigint", movements.stream().map(Movement::quantity)
                    .toArray()));
            upsert.setArray(4, connection.createArrayOf("bigint", movements.stream().map(Movement::weightGrams)
                    .toArray()));
            upsert.setArray(5, connection.createArrayOf("bigint", movements.stream().map(Movement::position)
                    .toArray()));
            upsert.setArray(6, connection.createArrayOf("timestamptz", movements.stream()
                    .map(m -> m.at().atOffset(ZoneOffset.UTC)).toArray()));
            upsert.executeUpdate();
        }
    }

    private static void updateThenInsert(Connection connection, List<Movement> movements) throws SQLException {
        List<Movement> fresh = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("update store_stock set"
                + " quantity = quantity + ?, weight_grams = weight_grams + ?,"
                + " as_of_position = greatest(as_of_position, ?), moved_at = greatest(moved_at, ?)"
                + " where store_code = ? and sku = ?")) {
            for (Movement movement : movements) {
                update.setLong(1, movement.quantity());
                update.setLong(2, movement.weightGrams());
                update.setLong(3, movement.position());
                update.setObject(4, movement.at().atOffset(ZoneOffset.UTC));
                update.setString(5, movement.store());
                update.setString(6, movement.sku());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    fresh.add(movements.get(i));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into store_stock (store_code, sku,"
                + " quantity, weight_grams, as_of_position, moved_at) values (?, ?, ?, ?, ?, ?)")) {
            for (Movement movement : fresh) {
                insert.setString(1, movement.store());
                insert.setString(2, movement.sku());
                insert.setLong(3, movement.quantity());
                insert.setLong(4, movement.weightGrams());
                insert.setLong(5, movement.position());
                insert.setObject(6, movement.at().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Movement plus(Movement a, Movement b) {
        return new Movement(a.store(), a.sku(), a.quantity() + b.quantity(), a.weightGrams() + b.weightGrams(),
                Math.max(a.position(), b.position()), a.at().isAfter(b.at()) ? a.at() : b.at());
    }
}
