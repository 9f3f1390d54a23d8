package io.chainretail.hq.pricing;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.BasketAssembly;
import io.chainretail.core.pricing.BasketItem;
import io.chainretail.core.pricing.BasketLine;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricingSource;
import io.chainretail.core.pricing.ProductPricing;
import io.chainretail.core.pricing.StoreOverride;
import io.chainretail.core.pricing.Tax;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.hq.catalog.Category;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.catalog.TaxClass;
import io.chainretail.hq.promotions.PromotionService;
import io.chainretail.hq.promotions.StoreLocalPromotions;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;


/**
 * What a basket costs at a store, worked out at HQ from HQ's own data by the basket assembly and engine the
 * tills use: the store's price for each product (its manager's override inside HQ's bounds, else the
 * regional, else the chain price; a member tier's price), by weight or from a scale label for weighed items,
 * then every promotion in force there and then, the chain's and the store's own (as the store reported them).
 * So HQ can check a promotion before publishing it, and answer "what did the till charge?" the way the till did.
 */
@ApplicationScoped
public class BasketPreview {

    /**
     * One line of a basket to price.
     *
     * @param labelPriceMinor a scale label's price, for a weighed item
     * @param weightGrams     the weight, for a weighed item without a label price
     */
    public record Line(@NotBlank String sku, @Min(1) @Max(BasketLine.MAX_QUANTITY) int quantity,
            @Min(0) Long labelPriceMinor, @Min(1) @Max(999_999) Long weightGrams) {

        public Line(String sku, int quantity) {
            this(sku, quantity, null, null);
        }
    }

    private final PricingService pricing;
    private final PromotionService promotions;
    private final StoreLocalPromotions localPromotions;

    public BasketPreview(PricingService pricing, PromotionService promotions, StoreLocalPromotions localPromotions) {
        this.pricing = pricing;
        this.promotions = promotions;
        this.localPromotions = localPromotions;
    }

    /**
     * @param localTime the store's local time, or {@code null} for now there
     * @param tier      the member's tier, or {@code null} for no member
     */
    @Transactional
    public PricedBasket price(String storeCode, LocalDateTime localTime, String tier, Set<String> coupons,
            List<Line> lines) {
        Store store = store(storeCode);
        ZoneId zone = ZoneId.of(store.timezone);
        Instant at = (localTime != null ? localTime : LocalDateTime.now(zone)).atZone(zone).toInstant();
        List<BasketItem> items = new ArrayList<>();
        int lineNo = 1;
        for (Line line : lines) {
            items.add(new BasketItem(lineNo++, line.sku(), line.quantity(), line.labelPriceMinor(),
                    line.weightGrams()));
        }
        return BasketAssembly.price(new HqPricingSource(store, zone), items, at, tier,
                coupons == null ? Set.of() : coupons);
    }

    /**
     * One unit of each product as the store sells it now, each priced alone (a product listing's prices, with the
     * promotions that take something off a single unit); a product without a price there is left out. The
     * promotions in force are read once for all.
     */
    @Transactional
    public java.util.Map<String, PricedBasket> priceEach(String storeCode, String tier, List<String> skus) {
        Store store = store(storeCode);
        ZoneId zone = ZoneId.of(store.timezone);
        HqPricingSource source = new HqPricingSource(store, zone);
        Instant at = Instant.now();
        java.util.Map<String, PricedBasket> priced = new java.util.LinkedHashMap<>();
        for (String sku : skus) {
            try {
                priced.put(sku, BasketAssembly.price(source, List.of(new BasketItem(1, sku, 1, null, null)), at, tier,
                        Set.of()));
            } catch (Refusal notSoldHere) {
                // no price at this store now, or sold by weight: not in the listing
            }
        }
        return priced;
    }

    private static Store store(String storeCode) {
        Store store = storeCode == null ? null : Store.findById(storeCode);
        if (store == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_STORE, "There is no store " + storeCode + ".");
        }
        return store;
    }

    /** HQ's tables as a pricing source for one store. */
    private final class HqPricingSource implements PricingSource {

        private final Store store;
        private final ZoneId zone;
        /** The chain's and the store's promotions, read once per pricing. */
        private List<Promotion> inForce;

        HqPricingSource(Store store, ZoneId zone) {
            this.store = store;
            this.zone = zone;
        }

        @Override
        public Place store() {
            return new Place(store.code, store.region, zone);
        }

        @Override
        public Optional<ProductPricing> product(String sku, String tier) {
            Product product = Product.findById(sku);
            if (product == null || !product.active) {
                return Optional.empty();
            }
            RegionPrice regional = store.region == null ? null
                    : RegionPrice.findById(new RegionPrice.Key(product.sku, store.region));
            TierPriceEntry tierPrice = tier == null ? null
                    : TierPriceEntry.findById(new TierPriceEntry.Key(product.sku, tier));
            StorePriceOverride override = StorePriceOverride.findById(new StorePriceOverride.Key(store.code,
                    product.sku));
            PriceResolver.Prices prices = new PriceResolver.Prices(product.priceMinor,
                    regional == null ? null : regional.priceMinor,
                    override == null ? null : new StoreOverride(product.sku, override.priceMinor, override.validFrom,
                            override.validTo),
                    pricing.bounds(product.sku), tierPrice == null ? null : tierPrice.priceMinor,
                    store.priceOverrideMaxBp);
            TaxClass tax = TaxClass.findById(product.taxClass);
            return Optional.of(new ProductPricing(product.sku, product.name, BasketAssembly.ancestry(product.category,
                    code -> {
                        Category category = Category.findById(code);
                        return category == null ? null : category.parent;
                    }), product.brand, new Tax(tax.code, tax.rateBp, tax.inclusive),
                    product.measure == Measure.WEIGHT, prices));
        }

        @Override
        public List<Promotion> promotions() {
            if (inForce == null) {
                List<Promotion> all = new ArrayList<>(promotions.list());
                localPromotions.running(store.code).forEach(change -> all.add(change.promotion()));
                inForce = all;
            }
            return inForce;
        }
    }
}
