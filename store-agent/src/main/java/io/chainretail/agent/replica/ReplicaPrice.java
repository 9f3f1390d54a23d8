package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain price of a product as HQ last published it. */
@Entity
@Table(name = "replica_price")
public class ReplicaPrice extends PanacheEntityBase {

    @Id
    public String sku;

    @Column(name = "price_minor")
    public long priceMinor;

    public String currency;
}
