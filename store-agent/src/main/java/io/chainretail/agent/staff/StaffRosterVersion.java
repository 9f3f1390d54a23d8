package io.chainretail.agent.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The version of the staff list the store holds (one row); see V12__staff.sql. */
@Entity
@Table(name = "staff_roster")
public class StaffRosterVersion extends PanacheEntityBase {

    @Id
    public int id;

    public long version;
}
