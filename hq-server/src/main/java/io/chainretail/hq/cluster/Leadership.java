package io.chainretail.hq.cluster;

import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.hq.HqConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which HQ instance runs what must run once for the whole chain: publishing the change feed (one publisher keeps
 * each feed in sequence order) and the outbox retention.
 *
 * <p>On PostgreSQL the instance that holds a session-level advisory lock leads. The lock is taken on a connection
 * of its own, outside the pool (a pooled connection would carry the lock back into the pool), kept open while the
 * instance leads; the lock goes with it: on a clean stop, and at once when the instance dies (the server sees its
 * socket close). Every other instance tries to take the lock each time it would have run the
 * work, so one of them leads within a poll of the leader's end. The lock is per chain and schema, so chains and
 * test runs that share a database do not stand in each other's way. On H2 the database is the instance's own
 * file and the one instance always leads.
 */
@ApplicationScoped
public class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class);
    /** The advisory lock's first key: the lock space of this application, "CRHQ". */
    private static final int LOCK_SPACE = 0x43524851;

    private final String url;
    private final String user;
    private final String password;
    private final boolean shared;
    private final HqConfig config;
    /** This instance's own connection: it holds the lock while {@link #leading}, and asks for it while not. */
    private Connection connection;
    private boolean leading;

    public Leadership(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, HqConfig config,
            MeterRegistry metrics) {
        this.url = url;
        this.user = user.orElse(null);
        this.password = password.orElse(null);
        this.shared = url.startsWith("jdbc:postgresql:");
        this.config = config;
        metrics.gauge("hq_cluster_leader", this, leadership -> leadership.leads() ? 1 : 0);
    }

    /**
     * Whether this instance leads now, taking the lead if no instance holds it. Call it before each round of
     * the work, not once: a leader whose database connection broke has lost the lead.
     */
    public synchronized boolean lead() {
        if (!shared) {
            return true;
        }
        try {
            if (connection == null || !connection.isValid(5)) {
                if (leading) {
                    LOG.warn("This HQ instance lost the lead: its lock connection to the database broke");
                }
                release();
                connection = DriverManager.getConnection(url, user, password);
            }
            if (!leading && tryToTake()) {
                leading = true;
                LOG.infof("This HQ instance now leads chain %s: it publishes the change feed and runs the "
                        + "chain-wide jobs", config.chain());
            }
            return leading;
        } catch (SQLException e) {
            LOG.debugf("Cannot ask the database for the lead: %s", e.getMessage());
            release();
            return false;
        }
    }

    /**
     * Runs a chain-wide job every {@code period} on the instance that leads (each round asks {@link #lead()}), the
     * first round at once. The caller closes the task when it stops.
     */
    public PeriodicTask whileLeading(String name, Duration period, Runnable job) {
        PeriodicTask task = PeriodicTask.start(name, period, () -> {
            if (lead()) {
                job.run();
            }
        });
        task.wake();
        return task;
    }

    /** Whether this instance led at its last {@link #lead()}, without asking the database. */
    public synchronized boolean leads() {
        return !shared || leading;
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (leading) {
                LOG.info("This HQ instance hands over the lead: it is stopping");
            }
            release();
        }
    }

    private boolean tryToTake() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_try_advisory_lock(?, hashtext(current_schema() || '/' || ?))")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setString(2, config.chain());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void release() {
        leading = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the lock connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
