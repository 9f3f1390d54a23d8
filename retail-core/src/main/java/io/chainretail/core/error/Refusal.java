package io.chainretail.core.error;

/**
 * A request refused by a business rule: a machine-readable code and a sentence the cashier, manager
 * or operator can act on. Each app maps the kind to its HTTP status in one place.
 */
public class Refusal extends RuntimeException {

    /** Why it was refused, which decides the HTTP status (in brackets). */
    public enum Kind {
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

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
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
}
