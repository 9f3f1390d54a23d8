package io.chainretail.agent.checkout;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.BasketLine;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricingContext;
import io.chainretail.core.pricing.PromotionEngine;
import io.chainretail.core.pricing.Rounding;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Prices a draft with the replica's data and the one engine HQ uses too. */
@ApplicationScoped
public class SalePricer {

    private final Catalog catalog;
    private final PromotionEngine engine = new PromotionEngine();

    public SalePricer(Catalog catalog) {
        this.catalog = catalog;
    }

    PricedBasket price(SaleDraft draft, Instant at) {
        Catalog.StoreInfo store = catalog.store();
        List<BasketLine> lines = new ArrayList<>();
        for (SaleDraft.Line line : draft.activeLines()) {
            lines.add(basketLine(line, store, at));
        }
        PricingContext context = new PricingContext(store.code(), store.region(),
                LocalDateTime.ofInstant(at, store.zone()), draft.member == null ? null : draft.member.tier(),
                draft.coupons);
        return engine.price(lines, context, catalog.promotions());
    }

    /** The line's regular unit price: the resolved price, or for a weighed item its label or weight. */
    static BasketLine basketLine(SaleDraft.Line line, Catalog.StoreInfo store, Instant at) {
        Catalog.Item item = line.item;
        long unitPrice;
        if (line.labelPriceMinor != null) {
            unitPrice = line.labelPriceMinor;
        } else {
            long resolved = PriceResolver.resolve(item.prices(), store.code(), at).orElseThrow(() -> Refusal
                    .notFound("NO_PRICE", item.name() + " has no price in this store.")).priceMinor();
            unitPrice = line.weightGrams != null ? Rounding.ofWeight(resolved, line.weightGrams) : resolved;
        }
        return new BasketLine(line.lineNo, item.sku(), item.categories(), item.brand(), (int) line.quantity,
                unitPrice, item.weighed(), item.tax());
    }
}
