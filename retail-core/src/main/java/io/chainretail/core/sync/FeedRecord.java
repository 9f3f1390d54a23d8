package io.chainretail.core.sync;

/**
 * A feed payload that is one keyed row of HQ's master data. A delta upserts the row with this key
 * (or removes it); a snapshot lists every row. Stores keep rows by (schema, key), and the replica
 * hash is computed over exactly those rows, so HQ and store agree on what "identical" means.
 */
public interface FeedRecord {

    /** The row's key within its schema, e.g. the SKU, or SKU and region. */
    String key();

    /** True when this delta removes the row; a snapshot never holds removals. */
    default boolean removed() {
        return false;
    }
}
