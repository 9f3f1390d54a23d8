package io.chainretail.core.pricing;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.promotion.Promotion;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Puts a basket together for the engine the one way HQ and the stores share: each line's regular price (a
 * scale label's price, else the price {@link PriceResolver} picks for the store and instant, by weight for a
 * weighed item), the product's category ancestry, and the store's local time for the promotions' schedules.
 */
public final class BasketAssembly {

    /** Deeper than any real category tree; stops corrupt data from looping. */
    private static final int MAX_CATEGORY_DEPTH = 32;

    private static final PromotionEngine ENGINE = new PromotionEngine();

    private BasketAssembly() {
    }

    /** Prices {@code items} at {@code at} from {@code source}: each product looked up, then every promotion. */
    public static PricedBasket price(PricingSource source, List<BasketItem> items, Instant at, String memberTier,
            Set<String> coupons) {
        PricingSource.Place store = source.store();
        List<BasketLine> lines = new ArrayList<>();
        for (BasketItem item : items) {
            ProductPricing product = source.product(item.sku(), memberTier).orElseThrow(() -> Refusal.of(
                    ErrorCode.UNKNOWN_PRODUCT, "There is no active product " + item.sku() + " with a price at store "
                            + store.code() + "."));
            lines.add(line(item, product, store.code(), at));
        }
        return price(lines, store, at, memberTier, coupons, source.promotions());
    }

    /** Prices lines already put together at {@code at}, in the store's local time. */
    public static PricedBasket price(List<BasketLine> lines, PricingSource.Place store, Instant at,
            String memberTier, Set<String> coupons, Collection<Promotion> promotions) {
        PricingContext context = new PricingContext(store.code(), store.region(), LocalDateTime.ofInstant(at,
                store.zone()), memberTier, coupons);
        return ENGINE.price(lines, context, promotions);
    }

    /**
     * The line as the engine sees it. Its regular unit price is the scale label's price if it has one, else the
     * price for the store at {@code at}, times the weight for a weighed item.
     *
     * @throws Refusal NO_PRICE when the product has no price at the store then; WEIGHT_NEEDED for an item sold
     *                 by weight with neither label nor weight
     */
    public static BasketLine line(BasketItem item, ProductPricing product, String storeCode, Instant at) {
        if (product.weighed() && !item.measured()) {
            throw Refusal.of(ErrorCode.WEIGHT_NEEDED, product.name() + " is sold by weight: weigh it or scan its "
                    + "scale label.");
        }
        long unitPrice;
        if (item.labelPriceMinor() != null) {
            unitPrice = item.labelPriceMinor();
        } else {
            long resolved = PriceResolver.resolve(product.prices(), storeCode, at).orElseThrow(() -> Refusal.of(
                    ErrorCode.NO_PRICE, product.name() + " has no price at store " + storeCode + ".")).priceMinor();
            unitPrice = item.weightGrams() != null ? Rounding.ofWeight(resolved, item.weightGrams()) : resolved;
        }
        return new BasketLine(item.lineNo(), product.sku(), product.categories(), product.brand(), item.quantity(),
                unitPrice, product.weighed(), product.tax());
    }

    /** {@code category} and its ancestors, nearest first; {@code parentOf} gives a category's parent or null. */
    public static List<String> ancestry(String category, UnaryOperator<String> parentOf) {
        List<String> path = new ArrayList<>();
        for (String at = category; at != null && path.size() < MAX_CATEGORY_DEPTH && !path.contains(at); ) {
            path.add(at);
            at = parentOf.apply(at);
        }
        return path;
    }
}
