package io.chainretail.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lets databases that ran a migration before its comments were reworded keep validating. Flyway checksums a
 * migration's whole text, comments included, and refuses to start when an applied one changed. Each edit
 * listed here changed comments only; before Flyway validates, a history row still carrying the checksum from
 * before the edit is given the one after it. Any other difference still fails validation, as it should.
 */
public final class CommentOnlyEdits implements Callback {

    /** A migration whose comments were edited: its checksum before and after. */
    public record Edit(String version, int before, int after) {
    }

    private final List<Edit> edits;

    public CommentOnlyEdits(List<Edit> edits) {
        this.edits = List.copyOf(edits);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!historyExists(connection, table)) {
                return; // a new database: nothing was applied before the edits
            }
            try (PreparedStatement update = connection.prepareStatement("update \"" + table
                    + "\" set \"checksum\" = ? where \"version\" = ? and \"checksum\" = ?")) {
                for (Edit edit : edits) {
                    update.setInt(1, edit.after());
                    update.setString(2, edit.version());
                    update.setInt(3, edit.before());
                    update.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new FlywayException("could not carry the checksums of comment-only migration edits over", e);
        }
    }

    private static boolean historyExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "comment-only-edits";
    }
}
