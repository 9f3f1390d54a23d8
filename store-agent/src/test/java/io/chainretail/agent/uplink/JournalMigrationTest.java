package io.chainretail.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A store upgraded from the identity-numbered journal: the positions it skipped (after a crash, or a
 * rolled-back sale) are filled with events that say so, and numbering goes on after the highest.
 */
class JournalMigrationTest {

    private static final String URL = "jdbc:h2:mem:journal-migration;DB_CLOSE_DELAY=-1";

    @Test
    void positionsTheOldNumberingSkippedAreFilledAndNumberingGoesOnAfterTheHighest() throws Exception {
        flyway("14").migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            for (long position : new long[] {1, 2, 3, 7, 8, 40}) {
                sql.execute("insert into journal (position, event_id, kind, schema_id, payload, occurred_at) values ("
                        + position + ", random_uuid(), 'sale', 'up.sale.v2', '{}', current_timestamp)");
            }
            sql.execute("update journal set delivered_at = current_timestamp where position <= 3");

            flyway(null).migrate();

            List<Long> skipped = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select position from journal where schema_id ="
                    + " 'up.journal-skipped.v1' and delivered_at is null order by position")) {
                while (rows.next()) {
                    skipped.add(rows.getLong(1));
                }
            }
            List<Long> expected = new ArrayList<>(List.of(4L, 5L, 6L));
            for (long p = 9; p < 40; p++) {
                expected.add(p);
            }
            assertEquals(expected, skipped);
            try (ResultSet rows = sql.executeQuery("select last_position from journal_position")) {
                rows.next();
                assertEquals(40, rows.getLong(1));
            }
        }
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
