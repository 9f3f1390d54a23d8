package io.chainretail.hq.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.db.CommentOnlyEdits;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An HQ database that ran V4 and V5 before their comments were reworded (its history holds the old checksums)
 * fails Flyway's validation on its own, and validates with {@link MigrationComments}; a fresh one holds the new
 * checksums already.
 */
class MigrationCommentsTest {

    private static final String URL = "jdbc:h2:mem:migration-comments;DB_CLOSE_DELAY=-1";

    @Test
    void aDatabaseMigratedBeforeTheCommentEditsStillValidates() throws Exception {
        flyway().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
            for (CommentOnlyEdits.Edit edit : MigrationComments.EDITS) {
                assertEquals(edit.after(), checksum(db, edit.version()), "V" + edit.version() + " as it is now");
                db.createStatement().executeUpdate("update \"flyway_schema_history\" set \"checksum\" = "
                        + edit.before() + " where \"version\" = '" + edit.version() + "'");
            }
            assertFalse(flyway().validateWithResult().validationSuccessful, "old checksums fail on their own");

            FluentConfiguration withEdits = configuration();
            new MigrationComments().customize(withEdits);
            assertTrue(withEdits.load().validateWithResult().validationSuccessful);
            for (CommentOnlyEdits.Edit edit : MigrationComments.EDITS) {
                assertEquals(edit.after(), checksum(db, edit.version()));
            }
        }
    }

    private static Flyway flyway() {
        return configuration().load();
    }

    private static FluentConfiguration configuration() {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration");
    }

    private static int checksum(Connection db, String version) throws Exception {
        try (ResultSet row = db.createStatement().executeQuery(
                "select \"checksum\" from \"flyway_schema_history\" where \"version\" = '" + version + "'")) {
            assertTrue(row.next());
            return row.getInt(1);
        }
    }
}
