package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;

/** Store to HQ: send me the deltas of {@code feed} from sequence {@code fromSeq} on. */
public record SyncRequest(String feed, long fromSeq) {

    public SyncRequest {
        Fields.notBlank(feed, "feed");
        if (fromSeq < 1) {
            throw new IllegalArgumentException("fromSeq must be positive");
        }
    }
}
