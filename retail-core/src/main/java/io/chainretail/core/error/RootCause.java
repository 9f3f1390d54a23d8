package io.chainretail.core.error;

/** What a failure comes down to, said in one line: for a log line, a refusal or a quarantined event's reason. */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause's message (its class name if it has none), up to its first line break. */
    public static String message(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
