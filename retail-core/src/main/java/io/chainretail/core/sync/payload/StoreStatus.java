package io.chainretail.core.sync.payload;

/** The retained store status, {@code online} or {@code offline} (the last-will sends offline). */
public record StoreStatus(String state) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public StoreStatus {
        if (!ONLINE.equals(state) && !OFFLINE.equals(state)) {
            throw new IllegalArgumentException("state must be online or offline");
        }
    }
}
