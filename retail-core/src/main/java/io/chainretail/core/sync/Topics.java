package io.chainretail.core.sync;

import java.util.Optional;

/** The MQTT topic tree of one chain (docs/sync-protocol.md). */
public final class Topics {

    public static final String VERSION = "v1";

    private final String root;

    public Topics(String chain) {
        if (chain == null || !chain.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("chain code must be letters, digits, '-' or '_': " + chain);
        }
        this.root = "retail/" + VERSION + "/" + chain;
    }

    public String feed(String feed) {
        return root + "/feed/" + feed;
    }

    /** Every chain-wide feed, for subscribing. */
    public String allFeeds() {
        return root + "/feed/+";
    }

    public String storeFeed(String store, String feed) {
        return store(store) + "/feed/" + feed;
    }

    public String syncRequest(String store) {
        return store(store) + "/sync/request";
    }

    /** Where a store tells HQ how far it has written a sync answer (every HQ instance hears it). */
    public String syncProgress(String store) {
        return store(store) + "/sync/progress";
    }

    public String syncReply(String store) {
        return store(store) + "/sync/reply";
    }

    public String up(String store, String kind) {
        return store(store) + "/up/" + kind;
    }

    public String ack(String store) {
        return store(store) + "/ack";
    }

    /** Online orders HQ assigned to the store. */
    public String orders(String store) {
        return store(store) + "/orders";
    }

    public String status(String store) {
        return store(store) + "/status";
    }

    /**
     * HQ's own: an HQ instance that wrote feed deltas but does not publish them tells the one that does, so they
     * leave at once rather than at its next poll. Only HQ may use it.
     */
    public String hqOutboxWritten() {
        return root + "/hq/outbox-written";
    }

    /** The chain's whole topic tree. */
    public String everything() {
        return root + "/#";
    }

    /** Uplink of every store and kind, as HQ subscribes to it. */
    public String allUplinks() {
        return root + "/store/+/up/+";
    }

    public String allSyncRequests() {
        return root + "/store/+/sync/request";
    }

    public String allSyncProgress() {
        return root + "/store/+/sync/progress";
    }

    public String allStatuses() {
        return root + "/store/+/status";
    }

    /** The store code in a topic under {@code .../store/{store}/...}, if it is one. */
    public Optional<String> storeOf(String topic) {
        String prefix = root + "/store/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = topic.indexOf('/', prefix.length());
        return end < 0 ? Optional.empty() : Optional.of(topic.substring(prefix.length(), end));
    }

    /** True for a store's status topic, whose last message the broker keeps (retained). */
    public boolean isStatus(String topic) {
        return storeOf(topic).map(store -> topic.equals(status(store))).orElse(false);
    }

    private String store(String store) {
        if (store == null || !store.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("store code must be letters, digits, '-' or '_': " + store);
        }
        return root + "/store/" + store;
    }
}
