package io.chainretail.core.sync.payload;

/** Store to HQ: send me the deltas of {@code feed} from sequence {@code fromSeq} on. */
public record SyncRequest(String feed, long fromSeq) {

    public SyncRequest {
        Checks.notBlank(feed, "feed");
        if (fromSeq < 1) {
            throw new IllegalArgumentException("fromSeq must be positive");
        }
    }
}
