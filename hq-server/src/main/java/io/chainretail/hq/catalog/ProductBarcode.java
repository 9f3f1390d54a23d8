package io.chainretail.hq.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One GTIN of a product; a barcode belongs to one product only. */
@Entity
@Table(name = "product_barcode")
public class ProductBarcode extends PanacheEntityBase {

    @Id
    public String barcode;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sku")
    public Product product;
}
