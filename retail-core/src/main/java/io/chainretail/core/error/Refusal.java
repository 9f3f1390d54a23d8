package io.chainretail.core.error;

/**
 * A request refused by a business rule: a machine-readable code and a sentence the cashier, manager
 * or operator can act on. Each app maps the kind to its HTTP status in one place.
 */
public class Refusal extends RuntimeException {

    /** Why it was refused, which decides the HTTP status (in brackets). */
    public enum Kind {
        /** A field of the request is malformed, e.g. a barcode with a wrong check digit (400). */
        BAD_FIELD(400),
        /** The input breaks a rule (422). */
        INVALID(422),
        /** What the request names does not exist (404). */
        NOT_FOUND(404),
        /** It clashes with the current state (409). */
        CONFLICT(409),
        /** The caller is not signed in, or the credentials are wrong (401). */
        UNAUTHORIZED(401),
        /** The caller may not do this (403). */
        FORBIDDEN(403);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, null, message);
    }

    public Refusal(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** A malformed field, named as in the request body, e.g. {@code barcodes[1]}. */
    public static Refusal badField(String code, String field, String message) {
        return new Refusal(Kind.BAD_FIELD, code, field, message);
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal unauthorized(String code, String message) {
        return new Refusal(Kind.UNAUTHORIZED, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or {@code null} when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** The response body: code, message, and the field when there is one. */
    public java.util.Map<String, String> body() {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", getMessage());
        return body;
    }
}
