package io.chainretail.agent.sync;

import io.chainretail.agent.replica.FeedState;
import io.chainretail.agent.replica.ReplicaVersion;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.SyncCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Applies feed deltas in sequence order, idempotently (docs/sync-protocol.md): the data
 * and the feed's last sequence are written in one transaction; an old delta is ignored; a delta past
 * the next expected one is not applied and reported as a gap. Snapshots are written by {@link SnapshotLoader}.
 */
@ApplicationScoped
public class FeedApplier {

    /** What became of one delta. */
    public enum Result { APPLIED, ALREADY_APPLIED, GAP }

    private final EntityManager entities;
    private final ReplicaVersion version;
    private final ReplicaVersion.Cached<Map<String, Long>> appliedAsOfReplica;
    private final SyncCodec codec = new SyncCodec();

    public FeedApplier(EntityManager entities, ReplicaVersion version) {
        this.entities = entities;
        this.version = version;
        this.appliedAsOfReplica = version.cached(() -> QuarkusTransaction.joiningExisting().call(this::readApplied));
    }

    @Transactional
    public Result apply(Envelope<?> delta) {
        return applyAll(List.of(delta)).get(0);
    }

    /**
     * Applies deltas in one transaction; each gets its own in-order check, so the results are the same
     * as applying them one by one. Rows are written once each, in their state after the last delta that
     * touched them, with batched SQL: a catch-up of 50,000 deltas is a few hundred statements' work.
     */
    @Transactional
    public List<Result> applyAll(List<Envelope<?>> deltas) {
        Map<String, FeedState> states = new HashMap<>();
        Map<String, ReplicaWriter.Row> rows = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>(deltas.size());
        for (Envelope<?> delta : deltas) {
            String feed = Feeds.of(delta.schema());
            FeedState state = states.computeIfAbsent(feed,
                    f -> FeedState.findById(f, LockModeType.PESSIMISTIC_WRITE));
            if (delta.seq() <= state.lastSeq) {
                results.add(Result.ALREADY_APPLIED);
            } else if (delta.seq() > state.lastSeq + 1) {
                results.add(Result.GAP);
            } else {
                FeedRecord record = (FeedRecord) delta.payload();
                String key = delta.schema().id() + '\t' + record.key();
                rows.remove(key);
                rows.put(key, ReplicaWriter.Row.of(codec, feed, record));
                state.lastSeq = delta.seq();
                results.add(Result.APPLIED);
            }
        }
        if (!rows.isEmpty()) {
            entities.flush();
            entities.unwrap(Session.class).doWork(connection -> ReplicaWriter.write(connection, rows.values(), false));
            version.changesOnCommit();
        }
        return results;
    }

    @Transactional
    public Map<String, Long> lastApplied() {
        return readApplied();
    }

    /**
     * {@link #lastApplied} as of the last commit that changed the replica, read again only after one: what
     * every completed sale records it was priced with, without a query per sale.
     */
    public Map<String, Long> lastAppliedAsOfReplica() {
        return appliedAsOfReplica.get();
    }

    private Map<String, Long> readApplied() {
        return FeedState.<FeedState>listAll().stream().collect(Collectors.toUnmodifiableMap(s -> s.feed,
                s -> s.lastSeq));
    }
}
