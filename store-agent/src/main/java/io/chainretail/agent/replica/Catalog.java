package io.chainretail.agent.replica;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.pricing.BasketAssembly;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.PricingSource;
import io.chainretail.core.pricing.ProductPricing;
import io.chainretail.core.pricing.StoreOverride;
import io.chainretail.core.pricing.Tax;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.PriceBounds;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.core.sync.payload.TierPrice;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the replica the way checkout needs it: a scanned or keyed code to a product, what the engine
 * needs to price it at this store, the running promotions, and members. Plain JDBC reads in no
 * transaction of their own ({@link Replica}, {@link LocalPricing}): a scan is answered on the HTTP event
 * loop. Outside a transaction each row is read as last committed.
 */
@ApplicationScoped
public class Catalog {

    /** A sellable product with what pricing needs. */
    public record Item(String sku, String name, List<String> categories, String brand, Tax tax, boolean weighed,
            PriceResolver.Prices prices, String currency) {

        /** What the shared basket assembly prices it by. */
        public ProductPricing pricing() {
            return new ProductPricing(sku, name, categories, brand, tax, weighed, prices);
        }
    }

    /**
     * This store as HQ describes it; a store HQ has not described yet sells in UTC with no region.
     *
     * @param priceOverrideMaxBp how far the manager may move a price where HQ set no bound; null: no limit
     */
    public record StoreInfo(String code, String region, ZoneId zone, String currency, Integer localPromotionMaxBp,
            Integer priceOverrideMaxBp) {

        /** Where its baskets are priced. */
        public PricingSource.Place place() {
            return new PricingSource.Place(code, region, zone);
        }
    }

    private final Replica replica;
    private final LocalPricing localPricing;
    private final AgentConfig config;
    // Read at every scan, changed a few times a year: read again only after the replica changed.
    private final ReplicaVersion.Cached<StoreInfo> store;
    private final ReplicaVersion.Cached<Map<String, TaxClassChange>> taxClasses;
    private final ReplicaVersion.Cached<List<Promotion>> promotions;

    public Catalog(Replica replica, LocalPricing localPricing, AgentConfig config, ReplicaVersion version) {
        this.replica = replica;
        this.localPricing = localPricing;
        this.config = config;
        this.store = version.cached(this::readStore);
        this.taxClasses = version.cached(() -> replica.all(MessageSchema.TAX_CLASS, TaxClassChange.class).stream()
                .collect(Collectors.toUnmodifiableMap(TaxClassChange::code, taxClass -> taxClass)));
        this.promotions = version.cached(() -> replica.all(MessageSchema.PROMOTION, Promotion.class));
    }

    /** The SKU a barcode or 5-digit PLU stands for. */
    public Optional<String> skuOf(String code) {
        return replica.skuOf(code);
    }

    /**
     * The product with its prices for a member of {@code memberTier} (or {@code null}); empty when it is
     * inactive, unknown, or HQ gave it no price here.
     */
    public Optional<Item> item(String sku, String memberTier) {
        Optional<ProductChange> found = replica.find(MessageSchema.PRODUCT, sku, ProductChange.class)
                .filter(ProductChange::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProductChange product = found.get();
        StoreInfo store = store();
        Optional<ChainPrice> chain = replica.find(MessageSchema.CHAIN_PRICE, sku, ChainPrice.class);
        Optional<RegionalPrice> regional = store.region() == null ? Optional.empty()
                : replica.find(MessageSchema.REGIONAL_PRICE, sku + "@" + store.region(), RegionalPrice.class);
        Optional<TierPrice> tier = memberTier == null ? Optional.empty()
                : replica.find(MessageSchema.TIER_PRICE, sku + "#" + memberTier, TierPrice.class);
        String currency = regional.map(RegionalPrice::currency).or(() -> chain.map(ChainPrice::currency))
                .orElse(null);
        if (currency == null) {
            return Optional.empty();
        }
        // The store's own price, if its manager set one: applied while valid and inside HQ's bounds (or, where
        // HQ set none for the product, within the store's limit).
        Optional<StoreOverride> override = localPricing.override(sku);
        PriceResolver.Prices prices = new PriceResolver.Prices(chain.map(ChainPrice::priceMinor).orElse(null),
                regional.map(RegionalPrice::priceMinor).orElse(null), override.orElse(null),
                override.isEmpty() ? List.of() : bounds(sku), tier.map(TierPrice::priceMinor).orElse(null),
                store().priceOverrideMaxBp());
        TaxClassChange taxClass = Optional.ofNullable(taxClasses.get().get(product.taxClass()))
                .orElseThrow(() -> new IllegalStateException("tax class " + product.taxClass() + " of " + sku
                        + " is not in the replica"));
        return Optional.of(new Item(sku, product.name(), categories(product.category()), product.brand(),
                new Tax(taxClass.code(), taxClass.rateBp(), taxClass.inclusive()),
                product.measure() == Measure.WEIGHT, prices, currency));
    }

    /** HQ's bounds on the product's store price, for every store or this one (removed ones included). */
    public List<PriceBounds> bounds(String sku) {
        return replica.withField(MessageSchema.PRICE_BOUNDS, "sku", sku, PriceBounds.class);
    }

    /** A product found by name at the till: what to key to sell it. */
    public record Found(String sku, String name, String code, boolean weighed) {
    }

    /**
     * Active products whose name contains {@code text} (case-insensitive), at most {@code limit}, by
     * name; each with the code that sells it (its first barcode, or its PLU).
     */
    public List<Found> search(String text, int limit) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<Found> found = new ArrayList<>();
        if (needle.isEmpty()) {
            return found;
        }
        String pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ProductChange> candidates = replica.matching(MessageSchema.PRODUCT, pattern, ProductChange.class);
        for (ProductChange product : candidates) {
            if (!product.active() || !product.name().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            String code = !product.barcodes().isEmpty() ? product.barcodes().get(0) : product.plu();
            if (code != null) {
                found.add(new Found(product.sku(), product.name(), code, product.measure() == Measure.WEIGHT));
            }
        }
        found.sort(Comparator.comparing(Found::name));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Every promotion in the replica, and the store's own running ones; the engine decides which run. The
     * store's own are a few rows, read each time so that a manager's change applies at once.
     */
    public List<Promotion> promotions() {
        List<Promotion> local = localPricing.runningPromotions();
        if (local.isEmpty()) {
            return promotions.get();
        }
        List<Promotion> all = new ArrayList<>(promotions.get());
        all.addAll(local);
        return all;
    }

    public StoreInfo store() {
        return store.get();
    }

    private StoreInfo readStore() {
        return replica.find(MessageSchema.STORE, config.store(), StoreChange.class)
                .map(store -> new StoreInfo(store.code(), store.region(), ZoneId.of(store.timezone()),
                        store.currency(), store.localPromotionMaxBp(), store.priceOverrideMaxBp()))
                .orElse(new StoreInfo(config.store(), null, ZoneId.of("UTC"), null, null, null));
    }

    /** An active member by card number or phone. */
    public Optional<MemberChange> member(String cardOrPhone) {
        Optional<MemberChange> byCard = replica.find(MessageSchema.MEMBER, cardOrPhone, MemberChange.class);
        if (byCard.isPresent()) {
            return byCard.filter(MemberChange::active);
        }
        return replica.withField(MessageSchema.MEMBER, "phone", cardOrPhone, MemberChange.class).stream()
                .filter(MemberChange::active).findFirst();
    }

    /** The category and its ancestors, nearest first. */
    private List<String> categories(String category) {
        return BasketAssembly.ancestry(category, code -> replica.find(MessageSchema.CATEGORY, code,
                CategoryChange.class).map(CategoryChange::parent).orElse(null));
    }
}
