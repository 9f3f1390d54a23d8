package io.chainretail.hq.feed;

import io.chainretail.core.sync.FeedRecord;
import java.util.List;

/**
 * A feed's whole state at one sequence: its rows and their replica hash.
 *
 * @param asOfSeq the feed's last sequence when the rows were read
 */
public record FeedSnapshot(String feed, long asOfSeq, List<FeedRecord> rows, String hash) {
}
