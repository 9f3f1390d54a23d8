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
     * What the member's tier prices save on the sale's lines against the prices a customer without a card pays:
     * shown with the promotions' savings, as the customer sees it.
     */
    long memberSavingMinor(SaleDraft draft, Instant at) {
        if (draft.member == null) {
            return 0;
        }
        Catalog.StoreInfo store = catalog.store();
        long saved = 0;
        for (SaleDraft.Line line : draft.activeLines()) {
            PriceResolver.Prices prices = line.item.prices();
            if (prices.tierMinor() == null || line.labelPriceMinor != null) {
                continue;
            }
            ProductPricing withoutCard = new ProductPricing(line.item.sku(), line.item.name(), line.item.categories(),
                    line.item.brand(), line.item.tax(), line.item.weighed(), new PriceResolver.Prices(
                            prices.chainMinor(), prices.regionalMinor(), prices.override(), prices.bounds(), null,
                            prices.unboundedMaxBp()));
            BasketItem item = new BasketItem(line.lineNo, line.item.sku(), (int) line.quantity, null, line.weightGrams);
            long difference = BasketAssembly.line(item, withoutCard, store.code(), at).regularMinor()
                    - basketLine(line, store, at).regularMinor();
            saved += Math.max(0, difference);
        }
        return saved;
    }

    /** The line as the engine sees it: the item as scanned, priced now (its label, weight or resolved price). */
    static BasketLine basketLine(SaleDraft.Line line, Catalog.StoreInfo store, Instant at) {
        return BasketAssembly.line(new BasketItem(line.lineNo, line.item.sku(), (int) line.quantity,
                line.labelPriceMinor, line.weightGrams), line.item.pricing(), store.code(), at);
    }
}
