package io.chainretail.hq.masterdata;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Checks that a code a request refers to exists, so that an unknown tax class or region is a 400
 * naming the field instead of a foreign-key failure deep in the database.
 */
public final class References {

    private References() {
    }

    /**
     * Refuses unless a {@code type} with id {@code id} exists; a {@code null} id (an optional reference) passes.
     *
     * @param field the request field, e.g. {@code taxClass}
     * @param what  what it names, e.g. {@code tax class}
     * @param code  the refusal when it does not exist, e.g. {@link ErrorCode#UNKNOWN_TAX_CLASS}
     */
    public static void require(Class<? extends PanacheEntityBase> type, Object id, String field, String what,
            ErrorCode code) {
        if (id != null && Panache.getEntityManager().find(type, id) == null) {
            throw Refusal.of(code, field, "there is no " + what + " '" + id + "'; create it first");
        }
    }

    /** Refuses a body whose key differs from the one in the path it was sent to. */
    public static void requireSameKey(String inPath, String inBody, String field) {
        if (!inPath.equals(inBody)) {
            throw Refusal.of(ErrorCode.KEY_MISMATCH, field, "the " + field + " in the path (" + inPath
                    + ") and in the body (" + inBody + ") differ");
        }
    }
}
