package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product as HQ last published it. */
@Entity
@Table(name = "replica_product")
public class ReplicaProduct extends PanacheEntityBase {

    @Id
    public String sku;

    public String name;

    public boolean active;
}
