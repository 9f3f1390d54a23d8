package io.chainretail.hq.jdbc;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Batched JDBC statements inside the current transaction: an import writes 100,000 rows this way in
 * seconds, where one entity at a time would take minutes.
 */
public final class BulkSql {

    /** Sets one item's parameters on the statement. */
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    private static final int BATCH = 1000;

    private final EntityManager entities;

    public BulkSql(EntityManager entities) {
        this.entities = entities;
    }

    /** Runs {@code sql} once per item, in batches. */
    public <T> void run(String sql, List<T> items, Binder<T> binder) {
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

    /**
     * The first column of {@code sql}, whose one parameter, as in {@code where code = any(?)}, is bound to
     * {@code values} as an array: one statement for any number of values, prepared once, where an
     * {@code in} list is a new statement for every length.
     *
     * <p>Meant for lookups by a unique key. On PostgreSQL the transaction is told to use indexes: a partition
     * without statistics (a month just begun, or autovacuum off) made the planner filter every row of it
     * against the whole array, and HQ's duplicate check of a 500-event batch took 400 ms at 100,000 rows.
     */
    public List<String> matching(String sql, List<String> values) {
        return rowsMatching(sql, values).stream().map(row -> (String) row[0]).toList();
    }

    /** The rows of {@code sql}, whose one parameter is bound to {@code values} as an array: see {@link #matching}. */
    public List<Object[]> rowsMatching(String sql, List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        entities.flush();
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (Statement hint = connection.createStatement()) {
                    hint.execute("set local enable_seqscan = off");
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("varchar", values.toArray()));
                List<Object[]> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rows.getObject(i + 1);
                        }
                        found.add(row);
                    }
                }
                return found;
            }
        });
    }

    /** Reads one row of a result. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql} and hands each row to {@code reader} as it is fetched, a thousand at a time: for results
     * as large as the catalog, which a list would hold whole.
     */
    public void eachRow(String sql, RowReader reader) {
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(BATCH);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        });
    }

    /** The first column of the first row of {@code sql} with these parameters, as text. */
    public Optional<String> first(String sql, Object... parameters) {
        entities.flush();
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Sets a nullable string. */
    public static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** The values of one column of a query, e.g. every tax class code. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<String> column(String sql) {
        return entities.createNativeQuery(sql).getResultList();
    }
}
