package io.chainretail.hq.syncstatus;

import io.chainretail.hq.feed.FeedSnapshot;
import io.chainretail.hq.feed.FeedSnapshots;
import jakarta.enterprise.context.ApplicationScoped;

/** HQ's replica hash of a feed at its current sequence: the hash of the snapshot a store would get. */
@ApplicationScoped
public class HqReplicaHasher {

    /** A feed's hash and the sequence it is the hash at. */
    public record FeedHash(long seq, String hash) {
    }

    private final FeedSnapshots snapshots;

    public HqReplicaHasher(FeedSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public FeedHash hash(String feed) {
        FeedSnapshot snapshot = snapshots.take(feed);
        return new FeedHash(snapshot.asOfSeq(), snapshot.hash());
    }
}
