package io.chainretail.core.web;

import io.chainretail.core.error.ErrorCode;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI extension through which an endpoint names the refusals it can answer with, read by
 * {@link RefusalDocs}: {@code @Extension(name = Refuses.EXTENSION, value = "NO_SHIFT UNKNOWN_BARCODE")}.
 */
public final class Refuses {

    /** The extension's name; it does not appear in the published document. */
    public static final String EXTENSION = "x-refuses";

    private Refuses() {
    }

    /** The codes of a space-separated list; a name the catalogue does not hold is an error. */
    public static List<ErrorCode> parse(String names) {
        return Arrays.stream(names.trim().split("[\\s,]+")).filter(name -> !name.isEmpty()).map(name -> {
            try {
                return ErrorCode.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("An endpoint names refusal " + name
                        + ", which ErrorCode does not hold", e);
            }
        }).toList();
    }
}
