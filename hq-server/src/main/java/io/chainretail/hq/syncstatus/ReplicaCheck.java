package io.chainretail.hq.syncstatus;

import java.util.List;

/**
 * The answer to "is this store identical to HQ?".
 *
 * @param identical true when every feed is {@code IDENTICAL}
 */
public record ReplicaCheck(String store, boolean identical, List<FeedCheck> feeds) {

    /** What the comparison of one feed found. */
    public enum Verdict {
        /** The store's hash at HQ's current sequence equals HQ's. */
        IDENTICAL,
        /** Same sequence, different content: the store's replica is wrong. */
        DIFFERENT,
        /** The store has not caught up yet (its hash is from an older sequence); ask again shortly. */
        BEHIND,
        /** The store has not reported a hash of this feed yet. */
        UNKNOWN
    }

    /** One feed: the verdict, and both sides' sequence and hash. */
    public record FeedCheck(String feed, Verdict verdict, Long storeSeq, long hqSeq, String storeHash, String hqHash) {
    }
}
