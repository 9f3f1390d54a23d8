package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.id.EventIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * HQ's journal on PostgreSQL, partitioned by month: the sales of this month are in this month's partitions,
 * the next two months' are ready, and an event of a month HQ had no partition for (waiting in the default one,
 * as the whole journal does right after the upgrade that partitioned it) moves into its month's partition when
 * HQ next starts. Runs in the integration profile only: on H2 the journal is one table.
 */
class JournalByMonthIT {

    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("patience", 120));
    private static final String BARCODE = Gtin.withCheckDigit("690000054321");
    private static final List<String> TABLES = List.of("store_event", "sale", "refund", "shift_report");

    @Test
    void salesLandInTheirMonthAndAnEventOfAnotherMonthMovesIntoItsOwn() throws Exception {
        try (RetailSystem system = new RetailSystem("journal-by-month")) {
            if (!system.onPostgres()) {
                System.err.println("\n!!! SKIPPED JournalByMonthIT: the journal is partitioned on PostgreSQL only;"
                        + " run it with the integration profile (-Pintegration) !!!\n");
                Assumptions.abort("needs it.db.url");
            }
            AppProcess hq = system.startHq();
            assertEquals(200, Http.put(hq.url() + "/api/products/MONTH-1", "{\"sku\":\"MONTH-1\",\"name\":"
                    + "\"月度分区\",\"barcodes\":[\"" + BARCODE + "\"],\"priceMinor\":300,\"active\":true,"
                    + "\"category\":null,\"brand\":null,\"taxClass\":\"STD\"}").status());
            AppProcess agent = system.startAgent("0001");
            Till till = new Till(agent, "1", "1001", "1234");
            Eventually.await("the store has the product", PATIENCE,
                    () -> Http.get(agent.url() + "/api/products/by-barcode/" + BARCODE, Till.TOKEN, till.token())
                            .status() == 200);
            till.post("/api/till/shift/open", "{\"floatMinor\":10000}");
            for (int i = 0; i < 3; i++) {
                String sale = till.openSale();
                till.scan(sale, BARCODE, 1);
                till.post("/api/till/sales/" + sale + "/complete", "{\"tenders\":[{\"type\":\"CASH\","
                        + "\"amountMinor\":300}]}");
            }
            Eventually.await("HQ acknowledged the sales", PATIENCE,
                    () -> Http.get(agent.url() + "/api/sync").body().path("uplinkBacklog").asLong() == 0);

            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            YearMonth longAgo = now.minusMonths(13);
            String oldEvent;
            try (Connection db = system.hqDatabase()) {
                assertEquals(4, count(db, "select count(*) from pg_partitioned_table p join pg_class c"
                        + " on c.oid = p.partrelid where c.relnamespace = current_schema()::regnamespace"
                        + " and c.relname in ('store_event', 'sale', 'refund', 'shift_report')"));
                for (String table : TABLES) {
                    for (int ahead = 0; ahead <= 2; ahead++) {
                        assertEquals(1, count(db, "select count(*) from pg_class where relname = '"
                                + partition(table, now.plusMonths(ahead)) + "'"
                                + " and relnamespace = current_schema()::regnamespace"), table + " + " + ahead);
                    }
                }
                assertEquals(List.of(partition("sale", now)), partitionsHolding(db, "sale"));
                assertEquals(3, count(db, "select count(*) from " + partition("sale", now)));

                oldEvent = idAt(longAgo.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC));
                try (Statement sql = db.createStatement()) {
                    sql.execute("insert into store_event (event_id, store_code, kind, position, received_at, payload)"
                            + " values ('" + oldEvent + "', '0009', 'up.no-sale.v1', 1, now(), '{}')");
                }
                assertEquals("store_event_default", holder(db, oldEvent), "no partition for its month yet");
            }

            hq.terminate();
            hq.start();
            Eventually.await("the old event is in its month's partition", PATIENCE,
                    () -> partition("store_event", longAgo).equals(holder(system, oldEvent)));
            try (Connection db = system.hqDatabase()) {
                assertEquals(0, count(db, "select count(*) from store_event_default"));
                assertEquals(4, count(db, "select count(*) from store_event"), "nothing lost or doubled");
            }
        }
    }

    private static String partition(String table, YearMonth month) {
        return String.format("%s_y%04dm%02d", table, month.getYear(), month.getMonthValue());
    }

    private static List<String> partitionsHolding(Connection db, String table) throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(
                "select distinct tableoid::regclass::text from " + table)) {
            while (rows.next()) {
                partitions.add(rows.getString(1));
            }
        }
        return partitions;
    }

    private static String holder(Connection db, String eventId) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(
                "select tableoid::regclass::text from store_event where event_id = '" + eventId + "'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String holder(RetailSystem system, String eventId) {
        try (Connection db = system.hqDatabase()) {
            return holder(db, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A UUIDv7 of that instant, as a store would have made it then. */
    private static String idAt(Instant instant) {
        return new EventIds(Clock.fixed(instant, ZoneOffset.UTC)).create().toString();
    }
}
