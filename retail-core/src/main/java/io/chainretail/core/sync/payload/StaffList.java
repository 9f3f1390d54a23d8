package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.util.List;

/**
 * HQ to one store, on that store's own {@code sync/reply} topic (which only HQ may publish and only that
 * store may read): everyone who may sign in at the store's tills, with the PBKDF2 hash of their PIN. The
 * whole list each time, newest {@code version} wins. Never on a chain feed: every store would receive the
 * PIN hashes of every other store's staff.
 */
public record StaffList(String store, long version, List<Member> staff) {

    /** A person at the tills: their till id, name, role ({@code cashier} or {@code manager}) and PIN hash. */
    public record Member(String tillId, String username, String displayName, String role, String pinHash,
            boolean active) {

        public Member {
            Fields.require(tillId != null && tillId.matches("[0-9]{3,8}"), "tillId", "must be 3-8 digits");
            Fields.require("cashier".equals(role) || "manager".equals(role), "role", "must be cashier or manager");
            Fields.notBlank(pinHash, "pinHash");
        }
    }

    public StaffList {
        Fields.code(store, "store");
        staff = List.copyOf(staff == null ? List.of() : staff);
    }
}
