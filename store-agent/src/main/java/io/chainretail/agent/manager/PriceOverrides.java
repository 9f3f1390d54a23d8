package io.chainretail.agent.manager;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.replica.PriceOverride;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.money.Money;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.StoreOverride;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The store manager's own prices: set only inside every bound HQ has for the product at this store
 * (checked at the start of the window, or now), or where HQ has none for it within the store's limit
 * ({@code priceOverrideMaxBp} of the store's record); applied by the till at once, journaled for HQ.
 */
@ApplicationScoped
public class PriceOverrides {

    private final Catalog catalog;
    private final Journal journal;

    public PriceOverrides(Catalog catalog, Journal journal) {
        this.catalog = catalog;
        this.journal = journal;
    }

    /** Sets the product's store price; 404 for an unknown product, 400 PRICE_OUT_OF_BOUNDS naming the bound. */
    @Transactional
    public PriceOverride set(String sku, long priceMinor, Instant validFrom, Instant validTo, String manager) {
        StoreOverride wanted = new StoreOverride(sku, priceMinor, validFrom, validTo); // 400 for a bad field
        Catalog.Item item = catalog.item(sku, null).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_PRODUCT,
                "There is no product " + sku + " with a price at this store."));
        Instant at = validFrom == null ? Instant.now() : validFrom;
        Catalog.StoreInfo store = catalog.store();
        // Measured from HQ's price, not from a price of the store's own set before.
        long hqPrice = PriceResolver.hqPrice(item.prices()).orElseThrow(() -> Refusal.of(ErrorCode.NO_PRICE,
                sku + " has no HQ price at this store."));
        LongFunction<String> amount = minor -> Money.of(minor, item.currency()).toDecimalString();
        PriceResolver.violatedBound(priceMinor, hqPrice, catalog.bounds(sku), store.priceOverrideMaxBp(),
                store.code(), at, amount).ifPresent(bound -> {
                    throw Refusal.of(ErrorCode.PRICE_OUT_OF_BOUNDS, "priceMinor", amount.apply(priceMinor) + " is "
                            + bound + ".");
                });
        PriceOverride override = PriceOverride.findById(sku);
        if (override == null) {
            override = new PriceOverride();
            override.sku = sku;
        }
        override.priceMinor = wanted.priceMinor();
        override.validFrom = validFrom;
        override.validTo = validTo;
        override.setBy = manager;
        override.setAt = Instant.now();
        override.persist();
        journal.append("price-override", MessageSchema.PRICE_OVERRIDE, new PriceOverrideChanged(sku, priceMinor,
                item.currency(), validFrom, validTo, manager, override.setAt, false), override.setAt);
        return override;
    }

    /**
     * What a manager sees before setting a product's price: its name, HQ's price, the store's own if set, and the
     * range HQ allows now (null: no limit that side). 404 for an unknown product.
     */
    public record Allowed(String sku, String name, String currency, long hqPriceMinor, Long storePriceMinor,
            Long lowestMinor, Long highestMinor) {
    }

    @Transactional
    public Allowed allowed(String sku) {
        Catalog.Item item = catalog.item(sku, null).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_PRODUCT,
                "There is no product " + sku + " with a price at this store."));
        long hqPrice = PriceResolver.hqPrice(item.prices()).orElseThrow(() -> Refusal.of(ErrorCode.NO_PRICE,
                sku + " has no HQ price at this store."));
        Catalog.StoreInfo store = catalog.store();
        PriceResolver.Range range = PriceResolver.allowed(hqPrice, catalog.bounds(sku), store.priceOverrideMaxBp(),
                store.code(), Instant.now());
        PriceOverride own = PriceOverride.findById(sku);
        return new Allowed(sku, item.name(), item.currency(), hqPrice, own == null ? null : own.priceMinor,
                range.lowestMinor(), range.highestMinor());
    }

    /** Removes the product's store price: HQ's applies again. 404 when there is none. */
    @Transactional
    public void remove(String sku, String manager) {
        PriceOverride override = PriceOverride.findById(sku);
        if (override == null) {
            throw Refusal.of(ErrorCode.NO_OVERRIDE, "This store has no price of its own for " + sku + ".");
        }
        override.delete();
        Instant now = Instant.now();
        journal.append("price-override", MessageSchema.PRICE_OVERRIDE, new PriceOverrideChanged(sku, null, null,
                null, null, manager, now, true), now);
    }

    @Transactional
    public List<PriceOverride> all() {
        return PriceOverride.list("order by sku");
    }
}
