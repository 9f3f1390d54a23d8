package io.chainretail.agent.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A read-only query with string parameters, over plain JDBC: what checkout reads at every scan, which runs
 * on the HTTP event loop where Hibernate refuses to. Outside a transaction each query borrows a
 * connection in auto-commit; inside one it reads through the transaction's connection.
 */
final class SqlReads {

    /** Makes one value of a result row. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private SqlReads() {
    }

    static <T> List<T> list(DataSource dataSource, String sql, RowReader<T> reader, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("the store's database could not be read: " + e.getMessage(), e);
        }
    }
}
