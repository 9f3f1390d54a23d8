package io.chainretail.hq.catalog;

import io.chainretail.core.sync.payload.TaxClassChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tax class: its rate and whether shelf prices include it. */
@Entity
@Table(name = "tax_class")
public class TaxClass extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "rate_bp")
    public int rateBp;

    public boolean inclusive;

    public TaxClassChange toRecord() {
        return new TaxClassChange(code, name, rateBp, inclusive);
    }
}
