package io.chainretail.agent.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person of the store's till staff, as HQ sent them; see V12__staff.sql. */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    @Column(name = "till_id")
    public String tillId;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** {@code cashier} or {@code manager}. */
    public String role;

    @Column(name = "pin_hash")
    public String pinHash;

    public boolean active;
}
