package io.chainretail.hq.csv;

/**
 * What an import did.
 *
 * @param rows      data rows in the file
 * @param changed   rows that changed something (new, or different from what HQ had)
 * @param deltas    feed deltas written for the stores
 * @param millis    how long the import took
 */
public record ImportResult(int rows, int changed, int deltas, long millis) {
}
