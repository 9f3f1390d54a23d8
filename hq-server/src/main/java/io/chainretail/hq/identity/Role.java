package io.chainretail.hq.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do. Store managers and cashiers belong to one store; HQ roles to the chain. */
public enum Role {
    HQ_ADMIN("hq-admin"),
    HQ_STAFF("hq-staff"),
    STORE_MANAGER("store-manager"),
    CASHIER("cashier");

    public static final String ADMIN = "hq-admin";
    public static final String STAFF = "hq-staff";
    public static final String MANAGER = "store-manager";

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The name used in the API, in tokens and in {@code @RolesAllowed}: {@code hq-admin}... */
    public String id() {
        return id;
    }

    /** True for roles that belong to one store. */
    public boolean storeBound() {
        return this == STORE_MANAGER || this == CASHIER;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
