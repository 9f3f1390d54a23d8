package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A store manager's price for one product (see V10__price_overrides.sql): store data, not HQ's, kept beside
 * the replica because the catalog prices with it.
 */
@Entity
@Table(name = "price_override")
public class PriceOverride extends PanacheEntityBase {

    @Id
    public String sku;

    @Column(name = "price_minor")
    public long priceMinor;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;
}
