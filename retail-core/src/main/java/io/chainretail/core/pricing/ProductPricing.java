package io.chainretail.core.pricing;

import java.util.List;

/**
 * What pricing needs of one product at one store, for one member tier, from whichever data holds it: HQ's
 * tables or a store's replica.
 *
 * @param categories the product's category and every ancestor, nearest first ({@link BasketAssembly#ancestry})
 * @param weighed    sold by weight: its price is per kilogram, and a line is one weighing or one label
 * @param prices     every price that may apply; {@link PriceResolver} picks one for the store and instant
 */
public record ProductPricing(String sku, String name, List<String> categories, String brand, Tax tax,
        boolean weighed, PriceResolver.Prices prices) {

    public ProductPricing {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
