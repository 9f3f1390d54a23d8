package io.chainretail.hq.catalog;

import io.chainretail.core.sync.payload.CategoryChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of the category tree. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** The parent category's code, {@code null} at the top. */
    public String parent;

    public boolean active;

    public CategoryChange toRecord() {
        return new CategoryChange(code, name, parent, active);
    }
}
