package io.chainretail.hq;

import java.util.Locale;

/**
 * What a person typed into a search box, as an SQL {@code like} pattern of lower case, with {@code %},
 * {@code _} and the escape character taken literally. Queries use {@code lower(column) like ?1 escape '\'}.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String startingWith(String typed) {
        return literal(typed) + "%";
    }

    public static String containing(String typed) {
        return "%" + literal(typed) + "%";
    }

    private static String literal(String typed) {
        return typed.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
