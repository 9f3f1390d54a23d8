package io.chainretail.core.error;

import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** Field checks shared by the records that validate themselves; each failure is an {@link InvalidField}. */
public final class Fields {

    /** Codes of stores, regions, categories, brands, tax classes, tiers, promotions. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Fields() {
    }

    public static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidField(field, reason);
        }
    }

    public static String notBlank(String value, String field) {
        require(value != null && !value.isBlank(), field, "must not be empty");
        return value;
    }

    /**
     * Required text of at most {@code max} characters. The limits of the uplink payloads are those of the
     * columns HQ keeps them in: an event that breaks one is refused when it is read, not by the database.
     */
    public static String text(String value, int max, String field) {
        notBlank(value, field);
        require(value.length() <= max, field, "must be at most " + max + " characters, was " + value.length());
        return value;
    }

    /** Text that may be absent; when present, at most {@code max} characters. */
    public static String optionalText(String value, int max, String field) {
        require(value == null || value.length() <= max, field,
                "must be at most " + max + " characters, was " + (value == null ? 0 : value.length()));
        return value;
    }

    /** A required code: 1-32 letters, digits, '-' or '_'. */
    public static String code(String value, String field) {
        require(value != null && CODE.matcher(value).matches(), field,
                "must be 1-32 letters, digits, '-' or '_', was " + (value == null ? "empty" : "'" + value + "'"));
        return value;
    }

    /** A code that may be absent. */
    public static String optionalCode(String value, String field) {
        return value == null ? null : code(value, field);
    }

    public static long notNegative(long value, String field) {
        require(value >= 0, field, "must not be negative, was " + value);
        return value;
    }

    /** An ISO 4217 currency code such as CNY or EUR. */
    public static String currency(String value, String field) {
        require(value != null && value.matches("[A-Z]{3}"), field, "must be an ISO 4217 code such as CNY");
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "'" + value + "' is not an ISO 4217 currency");
        }
        return value;
    }

    /** A currency that may be absent; when present, an ISO 4217 code. */
    public static String optionalCurrency(String value, String field) {
        return value == null ? null : currency(value, field);
    }

    /** An immutable copy, empty for {@code null}; every element a valid code. */
    public static List<String> codes(List<String> values, String field) {
        List<String> copy = values == null ? List.of() : List.copyOf(values);
        for (int i = 0; i < copy.size(); i++) {
            code(copy.get(i), field + "[" + i + "]");
        }
        return copy;
    }
}
