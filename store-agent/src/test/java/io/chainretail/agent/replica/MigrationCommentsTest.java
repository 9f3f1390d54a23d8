package io.chainretail.agent.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.db.CommentOnlyEdits;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The checksums {@link MigrationComments} carries over are the agent's migrations as they are now (how the
 * carrying over works is tested once, at HQ: {@code MigrationCommentsTest}).
 */
class MigrationCommentsTest {

    private static final String URL = "jdbc:h2:mem:agent-migration-comments;DB_CLOSE_DELAY=-1";

    @Test
    void theEditedMigrationsHaveTheChecksumsListed() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
            for (CommentOnlyEdits.Edit edit : MigrationComments.EDITS) {
                try (ResultSet row = db.createStatement().executeQuery("select \"checksum\" from"
                        + " \"flyway_schema_history\" where \"version\" = '" + edit.version() + "'")) {
                    assertTrue(row.next());
                    assertEquals(edit.after(), row.getInt(1), "V" + edit.version());
                }
            }
        }
    }
}
