package io.chainretail.hq.csv;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/**
 * Batched JDBC statements inside the current transaction: an import writes 100,000 rows this way in
 * seconds, where one entity at a time would take minutes.
 */
final class BulkSql {

    /** Sets one item's parameters on the statement. */
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    private static final int BATCH = 1000;

    private final EntityManager entities;

    BulkSql(EntityManager entities) {
        this.entities = entities;
    }

    /** Runs {@code sql} once per item, in batches. */
    <T> void run(String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T item : items) {
                    binder.bind(statement, item);
                    statement.addBatch();
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                statement.executeBatch();
            }
        });
    }

    /** Sets a nullable string. */
    static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** The values of one column of a query, e.g. every tax class code. */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<String> column(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }
}
