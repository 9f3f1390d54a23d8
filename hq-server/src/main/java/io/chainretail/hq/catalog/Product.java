package io.chainretail.hq.catalog;

import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    public String category;

    public String brand;

    @Column(name = "tax_class")
    public String taxClass;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    public String plu;

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

    /** The product as the catalog feed carries it. */
    public ProductChange toChange() {
        return new ProductChange(sku, name, barcodeList(), active, category, brand, taxClass, measure, plu);
    }

    /** Its chain price as the prices feed carries it. */
    public ChainPrice toChainPrice() {
        return new ChainPrice(sku, priceMinor, currency);
    }
}
