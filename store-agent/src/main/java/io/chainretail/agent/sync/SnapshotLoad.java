package io.chainretail.agent.sync;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.ReplicaHash;
import io.chainretail.core.sync.payload.SnapshotChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.UUID;

/**
 * One snapshot being written while its chunks arrive, in a database transaction of its own: the feed's
 * rows are cleared and each chunk's rows inserted as it comes, and nothing is committed until every
 * chunk is in and the rows hash to the checksum HQ sent. Other connections (the tills) read the
 * previous replica all along; a rollback, or the agent dying, leaves it as it was.
 */
final class SnapshotLoad implements AutoCloseable {

    /** SQLSTATE of a unique key broken. */
    private static final String DUPLICATE_KEY = "23505";

    private final Connection connection;
    private final SnapshotChunk first;
    private final boolean[] received;
    private final ReplicaHash hash = new ReplicaHash();
    private long rows;
    private final long startedNanos = System.nanoTime();
    private int missing;
    private final InstantSource clock;
    private long lastChunkAtMillis;
    private boolean committed;

    private SnapshotLoad(Connection connection, SnapshotChunk first, InstantSource clock) {
        this.connection = connection;
        this.clock = clock;
        this.lastChunkAtMillis = clock.millis();
        this.first = first;
        this.received = new boolean[first.chunks()];
        this.missing = first.chunks();
    }

    /**
     * Opens the transaction and clears the feed's rows in it; the caller hands over the connection,
     * which the load closes.
     */
    static SnapshotLoad begin(Connection connection, SnapshotChunk first, InstantSource clock) throws SQLException {
        SnapshotLoad load = new SnapshotLoad(connection, first, clock);
        try {
            connection.setAutoCommit(false);
            ReplicaWriter.clear(connection, first.feed());
            return load;
        } catch (SQLException | RuntimeException e) {
            load.close();
            throw e;
        }
    }

    UUID id() {
        return first.snapshotId();
    }

    String feed() {
        return first.feed();
    }

    long asOfSeq() {
        return first.asOfSeq();
    }

    long rows() {
        return rows;
    }

    /** How many of the snapshot's chunks are written. */
    int chunksWritten() {
        return received.length - missing;
    }

    long millisSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    long lastChunkAtMillis() {
        return lastChunkAtMillis;
    }

    /**
     * Writes one chunk's rows (a chunk seen before is skipped).
     *
     * @return true once every chunk is in
     * @throws MalformedMessageException if the chunk disagrees with the first, holds a row that cannot be
     *                                   in the snapshot, or repeats a row
     */
    boolean add(SnapshotRows prepared) throws MalformedMessageException, SQLException {
        SnapshotChunk chunk = prepared.chunk();
        if (chunk.chunks() != first.chunks() || chunk.asOfSeq() != first.asOfSeq()
                || !chunk.feed().equals(first.feed()) || !chunk.replicaHash().equals(first.replicaHash())) {
            throw new MalformedMessageException("chunk " + chunk.chunk() + " of snapshot " + id()
                    + " does not match its other chunks; the snapshot is dropped");
        }
        lastChunkAtMillis = clock.millis();
        if (received[chunk.chunk()]) {
            return missing == 0;
        }
        if (prepared.refusal() != null) {
            throw prepared.refusal();
        }
        hash.add(prepared.hash());
        try {
            ReplicaWriter.write(connection, prepared.rows(), true);
        } catch (SQLException e) {
            // The replica's keys find a repeated row, however large the snapshot: no set of keys in memory.
            if (repeatsAKey(e)) {
                throw new MalformedMessageException("snapshot " + id() + " holds a row (or a barcode) twice; "
                        + "not applied");
            }
            throw e;
        }
        rows += prepared.rows().size();
        received[chunk.chunk()] = true;
        return --missing == 0;
    }

    /**
     * Commits once every chunk is in: if the rows hash to the checksum, and the store is not already past
     * the snapshot (then it changes nothing).
     *
     * @return true if the snapshot is now the replica
     * @throws MalformedMessageException if the rows do not hash to the checksum HQ sent
     */
    boolean commit() throws MalformedMessageException, SQLException {
        if (!hash.value().equals(first.replicaHash())) {
            throw new MalformedMessageException("snapshot " + id() + " of " + feed() + " hashes to " + hash.value()
                    + ", HQ sent " + first.replicaHash() + "; not applied");
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select last_seq from feed_state where feed = ? for update")) {
            lock.setString(1, feed());
            try (ResultSet state = lock.executeQuery()) {
                if (!state.next() || state.getLong(1) > asOfSeq()) {
                    return false;
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update feed_state set last_seq = ? where feed = ?")) {
            update.setLong(1, asOfSeq());
            update.setString(2, feed());
            update.executeUpdate();
        }
        connection.commit();
        committed = true;
        return true;
    }

    private static boolean repeatsAKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (DUPLICATE_KEY.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && DUPLICATE_KEY.equals(cause.getSQLState());
    }

    /** Rolls back what is not committed and gives the connection back. */
    @Override
    public void close() {
        try (connection) {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is broken; the database rolls back what it did not commit.
        }
    }
}
