package io.chainretail.hq.pricing;

import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.BasketLine;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricingContext;
import io.chainretail.core.pricing.PromotionEngine;
import io.chainretail.core.pricing.Tax;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.hq.catalog.Category;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.catalog.TaxClass;
import io.chainretail.hq.promotions.PromotionService;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a basket costs at a store, worked out at HQ with HQ's own data and the same engine the tills use:
 * the store's price for each product (its manager's override inside HQ's bounds, else the regional,
 * else the chain price; a member tier's price), then every promotion in force there and then. So HQ
 * can check a promotion before publishing it, and answer "what did the till charge?" the way the till did.
 */
@ApplicationScoped
public class BasketPreview {

    /** One line of a basket to price. */
    public record Line(String sku, int quantity) {
    }

    private final PromotionEngine engine = new PromotionEngine();
    private final PricingService pricing;
    private final PromotionService promotions;

    public BasketPreview(PricingService pricing, PromotionService promotions) {
        this.pricing = pricing;
        this.promotions = promotions;
    }

    /**
     * @param localTime the store's local time, or {@code null} for now there
     * @param tier      the member's tier, or {@code null} for no member
     */
    @Transactional
    public PricedBasket price(String storeCode, LocalDateTime localTime, String tier, Set<String> coupons,
            List<Line> lines) {
        Store store = Store.findById(storeCode);
        if (store == null) {
            throw Refusal.notFound("UNKNOWN_STORE", "There is no store " + storeCode + ".");
        }
        ZoneId zone = ZoneId.of(store.timezone);
        LocalDateTime local = localTime != null ? localTime : LocalDateTime.now(zone);
        List<BasketLine> basket = new ArrayList<>();
        int lineNo = 1;
        for (Line line : lines) {
            basket.add(line(lineNo++, line, store, tier, local.atZone(zone).toInstant()));
        }
        PricingContext context = new PricingContext(store.code, store.region, local, tier,
                coupons == null ? Set.of() : coupons);
        return engine.price(basket, context, promotions.list());
    }

    private BasketLine line(int lineNo, Line line, Store store, String tier, java.time.Instant at) {
        Product product = Product.findById(line.sku());
        if (product == null || !product.active) {
            throw Refusal.notFound("UNKNOWN_PRODUCT", "There is no active product " + line.sku() + ".");
        }
        if (line.quantity() < 1) {
            throw Refusal.badField("INVALID_QUANTITY", "lines.quantity", "at least 1, was " + line.quantity());
        }
        RegionPrice regional = store.region == null ? null
                : RegionPrice.findById(new RegionPrice.Key(product.sku, store.region));
        TierPriceEntry tierPrice = tier == null ? null : TierPriceEntry.findById(new TierPriceEntry.Key(product.sku,
                tier));
        StorePriceOverride override = StorePriceOverride.findById(new StorePriceOverride.Key(store.code,
                product.sku));
        PriceResolver.Prices prices = new PriceResolver.Prices(product.priceMinor,
                regional == null ? null : regional.priceMinor,
                override == null ? null : new io.chainretail.core.pricing.StoreOverride(product.sku,
                        override.priceMinor, override.validFrom, override.validTo),
                pricing.bounds(product.sku), tierPrice == null ? null : tierPrice.priceMinor, store.priceOverrideMaxBp);
        long unit = PriceResolver.resolve(prices, store.code, at).orElseThrow(() -> Refusal.notFound("NO_PRICE",
                product.sku + " has no price at store " + store.code + ".")).priceMinor();
        TaxClass tax = TaxClass.findById(product.taxClass);
        return new BasketLine(lineNo, product.sku, categories(product.category), product.brand, line.quantity(),
                unit, product.measure == Measure.WEIGHT, new Tax(tax.code, tax.rateBp, tax.inclusive));
    }

    /** The product's category and its ancestors, nearest first, as the till's replica lists them. */
    private static List<String> categories(String code) {
        List<String> chain = new ArrayList<>();
        for (String at = code; at != null && chain.size() < 32; ) {
            chain.add(at);
            Category category = Category.findById(at);
            at = category == null ? null : category.parent;
        }
        return chain;
    }
}
