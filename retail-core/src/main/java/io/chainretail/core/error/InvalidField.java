package io.chainretail.core.error;

/**
 * A value that breaks one field's rule. Thrown by the records that define the rules (feed payloads,
 * promotions), so HQ's API, CSV import and the stores' feed decoder all refuse the same things, and
 * the API can name the field, e.g. {@code spendTiers[1].saveMinor}.
 */
public class InvalidField extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidField(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
