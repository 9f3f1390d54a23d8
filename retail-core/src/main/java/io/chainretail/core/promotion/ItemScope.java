package io.chainretail.core.promotion;

import io.chainretail.core.error.Fields;
import java.util.List;

/**
 * The items a promotion applies to: an item qualifies when its SKU, category or brand is listed.
 * All three empty means every item.
 */
public record ItemScope(List<String> skus, List<String> categories, List<String> brands) {

    public static final ItemScope ALL = new ItemScope(List.of(), List.of(), List.of());

    public ItemScope {
        skus = Fields.codes(skus, "skus");
        categories = Fields.codes(categories, "categories");
        brands = Fields.codes(brands, "brands");
    }

    public boolean matchesEverything() {
        return skus.isEmpty() && categories.isEmpty() && brands.isEmpty();
    }

    /** True for an item of {@code sku}, in any of {@code categories} (its own and its ancestors), of {@code brand}. */
    public boolean includes(String sku, List<String> itemCategories, String brand) {
        return matchesEverything() || skus.contains(sku) || (brand != null && brands.contains(brand))
                || itemCategories.stream().anyMatch(categories::contains);
    }
}
