package io.chainretail.core.sync;

/** A sync message that must not be applied: not JSON, an unknown schema, a missing or invalid field. */
public class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
