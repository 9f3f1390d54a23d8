package io.chainretail.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused by a business rule: a code from the one catalogue ({@link ErrorCode}, which also decides
 * the HTTP status), the request field at fault when there is one, and a sentence the cashier, manager or
 * operator can act on.
 */
public class Refusal extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    private Refusal(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static Refusal of(ErrorCode code, String message) {
        return new Refusal(code, null, message);
    }

    /** A refusal about one field, named as in the request body, e.g. {@code barcodes[1]}. */
    public static Refusal of(ErrorCode code, String field, String message) {
        return new Refusal(code, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or {@code null} when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** The response body: code, message, and the field when there is one. */
    public Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code.name());
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", getMessage());
        return body;
    }
}
