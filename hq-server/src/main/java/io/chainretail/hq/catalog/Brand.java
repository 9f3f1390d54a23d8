package io.chainretail.hq.catalog;

import io.chainretail.core.sync.payload.BrandChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A brand. */
@Entity
@Table(name = "brand")
public class Brand extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public boolean active;

    public BrandChange toRecord() {
        return new BrandChange(code, name, active);
    }
}
