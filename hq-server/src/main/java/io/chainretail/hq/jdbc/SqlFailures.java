package io.chainretail.hq.jdbc;

import java.sql.SQLException;

/**
 * Tells a failure to store an event by its SQL state, the same on H2 and PostgreSQL: a unique key that
 * fired (class 23: look again, the row is there now), a value the table cannot hold (class 22: it never
 * will, so the event belongs in the quarantine), or anything else (the database away, a timeout: try again
 * later, and until then the event stays unacknowledged).
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    public static boolean isConstraintViolation(Throwable failure) {
        return sqlStateClass(failure).equals("23");
    }

    public static boolean isDataError(Throwable failure) {
        return sqlStateClass(failure).equals("22");
    }

    private static String sqlStateClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return sql.getSQLState().substring(0, 2);
            }
        }
        return "";
    }
}
