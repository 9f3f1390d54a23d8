package io.chainretail.agent.checkout;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.pricing.BasketAssembly;
import io.chainretail.core.pricing.BasketItem;
import io.chainretail.core.pricing.BasketLine;
import io.chainretail.core.pricing.PricedBasket;
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

    /** The line as the engine sees it: the item as scanned, priced now (its label, weight or resolved price). */
    static BasketLine basketLine(SaleDraft.Line line, Catalog.StoreInfo store, Instant at) {
        return BasketAssembly.line(new BasketItem(line.lineNo, line.item.sku(), (int) line.quantity,
                line.labelPriceMinor, line.weightGrams), line.item.pricing(), store.code(), at);
    }
}
