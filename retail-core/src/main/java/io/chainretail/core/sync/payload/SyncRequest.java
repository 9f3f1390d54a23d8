package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;

/**
 * Store to HQ: send me the deltas of {@code feed} from sequence {@code fromSeq} on.
 *
 * @param window how many reply messages the store takes ahead of what it has written, acknowledging each with a
 *               {@link SyncProgress}; absent (an older store), HQ sends the whole answer at once
 */
public record SyncRequest(String feed, long fromSeq, Integer window) {

    /** The most a store may ask to have in flight: its memory holds them all. */
    public static final int MAX_WINDOW = 64;

    public SyncRequest {
        Fields.notBlank(feed, "feed");
        if (fromSeq < 1) {
            throw new IllegalArgumentException("fromSeq must be positive");
        }
        Fields.require(window == null || window >= 1 && window <= MAX_WINDOW, "window",
                "must be between 1 and " + MAX_WINDOW);
    }

    /** A request whose answer comes all at once. */
    public SyncRequest(String feed, long fromSeq) {
        this(feed, fromSeq, null);
    }
}
