package io.chainretail.core.promotion;

import io.chainretail.core.error.Fields;
import java.util.List;

/** Where a promotion runs: the whole chain, or the listed regions and stores. */
public record Targets(boolean chain, List<String> regions, List<String> stores) {

    public static final Targets CHAIN = new Targets(true, List.of(), List.of());

    public Targets {
        regions = Fields.codes(regions, "regions");
        stores = Fields.codes(stores, "stores");
        Fields.require(chain == (regions.isEmpty() && stores.isEmpty()), "chain",
                chain ? "a chain-wide promotion lists no regions or stores"
                        : "name the regions or stores, or set chain to true");
    }

    /** True when the promotion runs at {@code store} of {@code region}. */
    public boolean includes(String store, String region) {
        return chain || stores.contains(store) || regions.contains(region);
    }
}
