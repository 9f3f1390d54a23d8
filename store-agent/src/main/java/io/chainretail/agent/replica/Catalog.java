package io.chainretail.agent.replica;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.StoreChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Reads the replica the way checkout needs it: a barcode to a sellable item with its price (this
 * store's regional price where HQ set one, else the chain price).
 */
@ApplicationScoped
public class Catalog {

    /** A product that can be sold now. */
    public record Item(String sku, String name, long priceMinor, String currency) {
    }

    private final Replica replica;
    private final AgentConfig config;

    public Catalog(Replica replica, AgentConfig config) {
        this.replica = replica;
        this.config = config;
    }

    @Transactional
    public Optional<Item> byBarcode(String barcode) {
        ReplicaBarcode code = ReplicaBarcode.findById(barcode);
        if (code == null) {
            return Optional.empty();
        }
        Optional<ProductChange> product = replica.find(MessageSchema.PRODUCT, code.sku, ProductChange.class)
                .filter(ProductChange::active);
        Optional<ChainPrice> price = priceOf(code.sku);
        if (product.isEmpty() || price.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Item(code.sku, product.get().name(), price.get().priceMinor(), price.get().currency()));
    }

    private Optional<ChainPrice> priceOf(String sku) {
        Optional<String> region = replica.find(MessageSchema.STORE, config.store(), StoreChange.class)
                .map(StoreChange::region);
        if (region.isPresent()) {
            Optional<RegionalPrice> regional = replica.find(MessageSchema.REGIONAL_PRICE, sku + "@" + region.get(),
                    RegionalPrice.class);
            if (regional.isPresent()) {
                return Optional.of(new ChainPrice(sku, regional.get().priceMinor(), regional.get().currency()));
            }
        }
        return replica.find(MessageSchema.CHAIN_PRICE, sku, ChainPrice.class);
    }
}
