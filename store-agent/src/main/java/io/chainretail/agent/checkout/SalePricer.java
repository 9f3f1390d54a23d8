package io.chainretail.agent.checkout;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.pricing.BasketAssembly;
import io.chainretail.core.pricing.BasketItem;
import io.chainretail.core.pricing.BasketLine;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.ProductPricing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/** Prices a draft with the replica's data, put together by the basket assembly HQ's preview uses too. */
@ApplicationScoped
public class SalePricer {

    private final Catalog catalog;

    public SalePricer(Catalog catalog) {
        this.catalog = catalog;
    }

    PricedBasket price(SaleDraft draft, Instant at) {
        Catalog.StoreInfo store = catalog.store();
        List<BasketLine> lines = new ArrayList<>();
        for (SaleDraft.Line line : draft.activeLines()) {
            lines.add(basketLine(line, store, at));
        }
        return BasketAssembly.price(lines, store.place(), at, draft.member == null ? null : draft.member.tier(),
                draft.coupons, catalog.promotions());
    }

    /** The line's regular price now, whether or not it is sold (a voided line shows it struck through). */
    BasketLine regular(SaleDraft.Line line, Instant at) {
        return basketLine(line, catalog.store(), at);
    }

    /**
     * The line's regular price for a customer without a card: what a member's tier price is measured against.
     * The same as {@link #regular} for a line with no tier price or a label price.
     */
    long regularWithoutCardMinor(SaleDraft.Line line, long regularMinor, Instant at) {
        PriceResolver.Prices prices = line.item.prices();
        if (prices.tierMinor() == null || line.labelPriceMinor != null) {
            return regularMinor;
        }
        ProductPricing withoutCard = new ProductPricing(line.item.sku(), line.item.name(), line.item.categories(),
                line.item.brand(), line.item.tax(), line.item.weighed(), new PriceResolver.Prices(prices.chainMinor(),
                        prices.regionalMinor(), prices.override(), prices.bounds(), null, prices.unboundedMaxBp()));
        return BasketAssembly.line(new BasketItem(line.lineNo, line.item.sku(), (int) line.quantity, null,
                line.weightGrams), withoutCard, catalog.store().code(), at).regularMinor();
    }

    /** The line as the engine sees it: the item as scanned, priced now (its label, weight or resolved price). */
    static BasketLine basketLine(SaleDraft.Line line, Catalog.StoreInfo store, Instant at) {
        return BasketAssembly.line(new BasketItem(line.lineNo, line.item.sku(), (int) line.quantity,
                line.labelPriceMinor, line.weightGrams), line.item.pricing(), store.code(), at);
    }
}
