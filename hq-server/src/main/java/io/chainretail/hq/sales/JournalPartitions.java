package io.chainretail.hq.sales;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.hq.cluster.Leadership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Creates the monthly partitions of HQ's journal on PostgreSQL ({@code store_event}, {@code sale}, {@code refund},
 * {@code shift_report}, partitioned by event id: a UUIDv7's text sorts by time, so a month is a range of ids).
 * Each month's partitions are made {@link #AHEAD} months ahead, by the instance that {@link Leadership leads}, at
 * its start and every hour. Events in no month's range wait in each table's default partition (a database
 * migrated from before partitioning holds its whole journal there at first; a store with a clock years off sends
 * such events); the month they belong to, from {@link #OLDEST} years back on, is made with them moved into it.
 * On H2 there is nothing to do: its journal is not partitioned.
 */
@ApplicationScoped
public class JournalPartitions {

    private static final Logger LOG = Logger.getLogger(JournalPartitions.class);
    /** The journal tables, each partitioned alike. */
    static final List<String> TABLES = List.of("store_event", "sale", "refund", "shift_report");
    /** How many months after the current one have their partitions ready. */
    static final int AHEAD = 2;
    /** Events older than this many years stay in the default partition: their ids are not UUIDv7 times. */
    static final int OLDEST = 5;
    private static final Duration CHECK = Duration.ofHours(1);
    /** The longest a partition's making waits for a lock on the journal, holding writers back behind it. */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Leadership leadership;
    private final InstantSource clock;
    private PeriodicTask task;

    public JournalPartitions(DataSource dataSource, Leadership leadership, InstantSource clock) {
        this.dataSource = dataSource;
        this.leadership = leadership;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        task = leadership.whileLeading("journal-partitions", CHECK, this::ensure);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (task != null) {
            task.close();
        }
    }

    /** Makes the partitions of the months due now; returns the partitions made. */
    public List<String> ensure() {
        List<String> made = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(db.getMetaData().getDatabaseProductName())) {
                return made;
            }
            YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
            for (String table : TABLES) {
                for (YearMonth month : monthsDue(db, table, now)) {
                    try {
                        made.add(make(db, table, month));
                    } catch (SQLException e) {
                        // One month that cannot be made (its table busy past the lock timeout) keeps no other back.
                        LOG.warnf("Could not make the partition of %s for %s (will try again in an hour): %s", table,
                                month, e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not make the journal's monthly partitions (will try again in an hour): %s",
                    e.getMessage());
        }
        if (!made.isEmpty()) {
            LOG.infof("Made the journal partitions %s", made);
        }
        return made;
    }

    /** The months from {@link #OLDEST} years back to {@link #AHEAD} ahead that have events waiting or are due. */
    private static List<YearMonth> monthsDue(Connection db, String table, YearMonth now) throws SQLException {
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth month = now.minusYears(OLDEST); !month.isAfter(now.plusMonths(AHEAD)); month =
                month.plusMonths(1)) {
            if (!exists(db, partition(table, month)) && (!month.isBefore(now) || hasWaiting(db, table, month))) {
                due.add(month);
            }
        }
        return due;
    }

    /**
     * Makes one month's partition in one transaction. Events of that month waiting in the default partition move
     * into it (the default is locked meanwhile, so none arrives between the move and the attach, which checks it).
     */
    private static String make(Connection db, String table, YearMonth month) throws SQLException {
        String partition = partition(table, month);
        String range = "for values from ('" + lowestId(month) + "') to ('" + lowestId(month.plusMonths(1)) + "')";
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            // Making a partition locks the table against writes: waiting behind a long transaction would hold every
            // store's sales back meanwhile. It gives up instead, and is tried again at the next hourly check.
            sql.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            sql.execute("lock table " + table + "_default in exclusive mode");
            if (hasWaiting(db, table, month)) {
                sql.execute("create table " + partition + " (like " + table + " including all)");
                String inMonth = " where event_id >= '" + lowestId(month) + "' and event_id < '"
                        + lowestId(month.plusMonths(1)) + "'";
                int moved = sql.executeUpdate("insert into " + partition + " select * from " + table + "_default"
                        + inMonth);
                sql.execute("delete from " + table + "_default" + inMonth);
                sql.execute("alter table " + table + " attach partition " + partition + " " + range);
                LOG.infof("Moved %d rows of %s into its partition for %s", moved, table, month);
            } else {
                sql.execute("create table " + partition + " partition of " + table + " " + range);
            }
            db.commit();
            return partition;
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static boolean hasWaiting(Connection db, String table, YearMonth month) throws SQLException {
        try (PreparedStatement any = db.prepareStatement("select 1 from " + table + "_default"
                + " where event_id >= ? and event_id < ? limit 1")) {
            any.setString(1, lowestId(month));
            any.setString(2, lowestId(month.plusMonths(1)));
            try (ResultSet row = any.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean exists(Connection db, String table) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("select to_regclass(?) is not null")) {
            find.setString(1, table);
            try (ResultSet row = find.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** A month's partition of a table: {@code sale_y2026m12}. */
    static String partition(String table, YearMonth month) {
        return String.format("%s_y%04dm%02d", table, month.getYear(), month.getMonthValue());
    }

    /** The lowest UUIDv7 of a month, as text: its first 48 bits are the month's first millisecond. */
    static String lowestId(YearMonth month) {
        long millis = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return String.format("%08x-%04x-0000-0000-000000000000", millis >>> 16, millis & 0xFFFF);
    }
}
