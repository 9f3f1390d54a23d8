package io.chainretail.core.sync.payload;

/** Shared argument checks of the payload records. */
final class Checks {

    private Checks() {
    }

    static void notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
