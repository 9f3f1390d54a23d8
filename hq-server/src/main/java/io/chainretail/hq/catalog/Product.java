package io.chainretail.hq.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product of the chain's catalog with its chain-wide price. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public String sku;

    public String name;

    public boolean active;

    @Column(name = "price_minor")
    public long priceMinor;

    public String currency;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ProductBarcode> barcodes = new ArrayList<>();

    public List<String> barcodeList() {
        return barcodes.stream().map(b -> b.barcode).sorted().toList();
    }
}
