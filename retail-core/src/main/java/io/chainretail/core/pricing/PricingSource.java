package io.chainretail.core.pricing;

import io.chainretail.core.promotion.Promotion;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The facts a basket is priced from at one store, each application reading them from its own storage: HQ
 * from its tables, a store from the replica HQ synced to it. {@link BasketAssembly} prices from either the
 * same way, so HQ answers "what did the till charge?" as the till did.
 */
public interface PricingSource {

    /** The store: its code, region (or null) and time zone. */
    Place store();

    /** The product as priced for a member of {@code memberTier} (or null); empty if unknown, inactive, unpriced. */
    Optional<ProductPricing> product(String sku, String memberTier);

    /** Every promotion that may run at the store, the chain's and the store's own; the engine picks. */
    List<Promotion> promotions();

    /** Where a basket is priced. */
    record Place(String code, String region, ZoneId zone) {
    }
}
