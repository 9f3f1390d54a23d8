package io.chainretail.agent.replica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Barcode to SKU, the lookup every scan does. */
@Entity
@Table(name = "replica_barcode")
public class ReplicaBarcode extends PanacheEntityBase {

    @Id
    public String barcode;

    public String sku;
}
