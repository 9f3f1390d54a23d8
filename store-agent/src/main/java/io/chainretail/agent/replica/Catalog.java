package io.chainretail.agent.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the replica the way checkout needs it: a barcode to a sellable item with its price. */
@ApplicationScoped
public class Catalog {

    /** A product that can be sold now. */
    public record Item(String sku, String name, long priceMinor, String currency) {
    }

    @Transactional
    public Optional<Item> byBarcode(String barcode) {
        ReplicaBarcode code = ReplicaBarcode.findById(barcode);
        if (code == null) {
            return Optional.empty();
        }
        ReplicaProduct product = ReplicaProduct.findById(code.sku);
        ReplicaPrice price = ReplicaPrice.findById(code.sku);
        if (product == null || !product.active || price == null) {
            return Optional.empty();
        }
        return Optional.of(new Item(product.sku, product.name, price.priceMinor, price.currency));
    }
}
