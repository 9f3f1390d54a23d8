package io.chainretail.agent.sync;

import io.chainretail.agent.replica.ReplicaVersion;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes each feed's snapshot while its chunks arrive ({@link SnapshotLoad}), so a large snapshot is in
 * the database moments after its last chunk instead of being decoded and written only then. One
 * snapshot per feed at a time: HQ may answer a repeated request with a second one, which waits until
 * the first has stalled. Chunks of snapshots already applied, refused or abandoned are ignored.
 * Called from the one thread that writes the replica ({@link FeedSubscriber}'s applier), which holds
 * back a feed's deltas while its snapshot is being written.
 */
@ApplicationScoped
public class SnapshotLoader {

    /** A snapshot that became the replica. */
    public record Applied(String feed, long asOfSeq, long rows, long millis) {
    }

    /** A snapshot that did not: its feed and how far it would have taken the store. */
    public record Failed(String feed, long asOfSeq) {
    }

    private static final Logger LOG = Logger.getLogger(SnapshotLoader.class);
    /** A snapshot with no chunk for this long is rolled back; HQ died halfway, or its chunks were lost. */
    static final long STALLED_AFTER_MS = 30_000;
    /** A second snapshot of a feed takes over only from one that has had no chunk for this long. */
    private static final long TAKE_OVER_AFTER_MS = 5_000;
    private static final int REMEMBERED = 64;

    private final DataSource dataSource;
    private final ReplicaVersion version;
    private final SyncCodec codec = new SyncCodec();
    private final Map<String, SnapshotLoad> loading = new HashMap<>();
    private final Set<UUID> done = new LinkedHashSet<>();

    /** The stall and take-over pauses are measured on it. */
    private final InstantSource clock;

    public SnapshotLoader(DataSource dataSource, ReplicaVersion version, InstantSource clock) {
        this.dataSource = dataSource;
        this.version = version;
        this.clock = clock;
    }

    /**
     * Writes one chunk; commits the snapshot when it was the last one.
     *
     * @return the snapshot, once it is the replica
     * @throws MalformedMessageException if the snapshot is refused (it is rolled back)
     */
    public Optional<Applied> accept(SnapshotChunk chunk) throws MalformedMessageException {
        return accept(prepare(chunk));
    }

    /** Makes a chunk's rows ready to write; any thread may do this, ahead of {@link #accept(SnapshotRows)}. */
    SnapshotRows prepare(SnapshotChunk chunk) {
        return SnapshotRows.of(codec, chunk);
    }

    /** The same for a chunk whose rows were made ready by {@link #prepare}. */
    synchronized Optional<Applied> accept(SnapshotRows prepared) throws MalformedMessageException {
        SnapshotChunk chunk = prepared.chunk();
        SnapshotLoad load = loading.get(chunk.feed());
        try {
            if (load == null || !load.id().equals(chunk.snapshotId())) {
                load = begin(chunk, load);
                if (load == null) {
                    return Optional.empty();
                }
            }
            if (!load.add(prepared)) {
                return Optional.empty();
            }
            boolean applied = load.commit();
            finish(load);
            if (!applied) {
                LOG.infof("Snapshot of %s at %d not applied: the store is already past it", load.feed(),
                        load.asOfSeq());
                return Optional.empty();
            }
            version.changed();
            return Optional.of(new Applied(load.feed(), load.asOfSeq(), load.rows(), load.millisSinceStart()));
        } catch (MalformedMessageException e) {
            finish(load);
            throw e;
        } catch (SQLException | RuntimeException e) {
            finish(load);
            throw new IllegalStateException("snapshot " + chunk.snapshotId() + " of " + chunk.feed()
                    + " could not be written; the replica is unchanged: " + e.getMessage(), e);
        }
    }

    /** How many chunks of snapshot {@code id} are written, while it is being written. */
    synchronized OptionalInt chunksWritten(String feed, UUID id) {
        SnapshotLoad load = loading.get(feed);
        return load != null && load.id().equals(id) ? OptionalInt.of(load.chunksWritten()) : OptionalInt.empty();
    }

    /** The feeds whose snapshot is being written: no delta of theirs may be applied meanwhile. */
    public synchronized Set<String> loadingFeeds() {
        return Set.copyOf(loading.keySet());
    }

    /** Rolls back the snapshots that have had no chunk for a while. */
    public synchronized List<Failed> abandonStalled() {
        List<Failed> abandoned = new ArrayList<>();
        long now = clock.millis();
        for (SnapshotLoad load : List.copyOf(loading.values())) {
            if (now - load.lastChunkAtMillis() > STALLED_AFTER_MS) {
                LOG.warnf("Snapshot of %s at %d had no chunk for %d s; rolled back", load.feed(), load.asOfSeq(),
                        STALLED_AFTER_MS / 1000);
                finish(load);
                abandoned.add(new Failed(load.feed(), load.asOfSeq()));
            }
        }
        return abandoned;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        List.copyOf(loading.values()).forEach(this::finish);
    }

    /** Opens a load for a chunk of a snapshot not seen yet, or returns null if the chunk is to be ignored. */
    private SnapshotLoad begin(SnapshotChunk chunk, SnapshotLoad current) throws SQLException {
        if (done.contains(chunk.snapshotId())) {
            return null;
        }
        if (current != null) {
            if (clock.millis() - current.lastChunkAtMillis() < TAKE_OVER_AFTER_MS) {
                remember(chunk.snapshotId()); // the rest of it too: it could never be complete
                return null;
            }
            LOG.infof("Snapshot of %s at %d stalled; snapshot %s takes over", current.feed(), current.asOfSeq(),
                    chunk.snapshotId());
            finish(current);
        }
        try (Connection connection = dataSource.getConnection()) {
            // HQ sends a snapshot from past what the store has: one at or below it is a second answer.
            if (lastApplied(connection, chunk.feed()) >= chunk.asOfSeq()) {
                remember(chunk.snapshotId());
                return null;
            }
        }
        SnapshotLoad load = SnapshotLoad.begin(dataSource.getConnection(), chunk, clock);
        loading.put(chunk.feed(), load);
        LOG.infof("Receiving snapshot of %s at %d in %d chunks", chunk.feed(), chunk.asOfSeq(), chunk.chunks());
        return load;
    }

    private void finish(SnapshotLoad load) {
        if (load == null) {
            return;
        }
        loading.remove(load.feed(), load);
        remember(load.id());
        load.close();
    }

    private void remember(UUID id) {
        done.add(id);
        if (done.size() > REMEMBERED) {
            done.remove(done.iterator().next());
        }
    }

    private static long lastApplied(Connection connection, String feed) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("select last_seq from feed_state where feed = ?")) {
            read.setString(1, feed);
            try (ResultSet state = read.executeQuery()) {
                return state.next() ? state.getLong(1) : Long.MAX_VALUE;
            }
        }
    }
}
