package io.chainretail.core.sync;

import java.util.List;

/** The downlink feeds; each has its own sequence. */
public final class Feeds {

    public static final String CATALOG = "catalog";
    public static final String PRICES = "prices";
    public static final List<String> ALL = List.of(CATALOG, PRICES);

    private Feeds() {
    }

    /** The feed a downlink schema belongs to. */
    public static String of(MessageSchema schema) {
        return switch (schema) {
            case PRODUCT -> CATALOG;
            case CHAIN_PRICE -> PRICES;
            default -> throw new IllegalArgumentException(schema.id() + " is not a feed schema");
        };
    }
}
