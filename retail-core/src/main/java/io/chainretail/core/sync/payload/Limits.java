package io.chainretail.core.sync.payload;

/**
 * The lengths of the text fields of uplink events, the same as the columns HQ stores them in: an event
 * that breaks one is refused as it is read (and quarantined at HQ), never truncated or failed by the
 * database. A store's till refuses to write such an event in the first place.
 */
public final class Limits {

    /** Ids of sales, returns, shifts, movements and alerts: a UUID's 36 characters. */
    public static final int ID = 36;
    /** A lane's code. */
    public static final int LANE = 16;
    /** Cashiers', managers' and members' ids. */
    public static final int PERSON = 32;
    /** Codes of tax classes, tender types and shelves. */
    public static final int CODE = 32;
    /** A product's SKU or a scanned code. */
    public static final int SKU = 64;
    /** Names and free-text reasons as printed on a receipt. */
    public static final int NAME = 300;
    /** A stock movement's note. */
    public static final int NOTE = 200;

    private Limits() {
    }
}
