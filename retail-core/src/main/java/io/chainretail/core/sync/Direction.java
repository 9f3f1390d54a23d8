package io.chainretail.core.sync;

/** Which way a message travels, and so which position field its envelope must carry. */
public enum Direction {
    /** HQ to stores; the envelope carries the feed's sequence number {@code seq}. */
    DOWNLINK,
    /** Store to HQ; the envelope carries the store journal's {@code position}. */
    UPLINK,
    /** Control messages (acks, sync requests, status) that carry neither. */
    CONTROL
}
