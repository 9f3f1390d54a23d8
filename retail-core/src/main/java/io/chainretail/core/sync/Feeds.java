package io.chainretail.core.sync;

import java.util.Arrays;
import java.util.List;

/**
 * The downlink feeds; each has its own sequence. A feed schema's id starts with its feed's name
 * ({@code prices.region.v1} belongs to {@code prices}), so the mapping cannot drift.
 */
public final class Feeds {

    public static final String CATALOG = "catalog";
    public static final String PRICES = "prices";
    public static final String MEMBERS = "members";
    public static final String PROMOTIONS = "promotions";
    public static final List<String> ALL = List.of(CATALOG, PRICES, MEMBERS, PROMOTIONS);

    private Feeds() {
    }

    /** The feed a downlink schema belongs to. */
    public static String of(MessageSchema schema) {
        if (schema.direction() != Direction.DOWNLINK) {
            throw new IllegalArgumentException(schema.id() + " is not a feed schema");
        }
        return schema.id().substring(0, schema.id().indexOf('.'));
    }

    /** The schemas of one feed, in declaration order (referenced rows before the rows that use them). */
    public static List<MessageSchema> schemas(String feed) {
        return Arrays.stream(MessageSchema.values())
                .filter(s -> s.direction() == Direction.DOWNLINK && of(s).equals(feed))
                .toList();
    }
}
