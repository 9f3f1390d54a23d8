package io.chainretail.hq.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A membership tier, e.g. silver or gold; tier prices and member-only promotions refer to it. */
@Entity
@Table(name = "member_tier")
public class MemberTier extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}
