package io.chainretail.hq.pricing;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.InvalidField;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one currency the chain prices in ({@code hq.currency}, default CNY): every chain, regional and tier
 * price is in it. A price in another currency is refused where it is set, since a till would otherwise sell
 * that product in a currency its drawer does not hold (a USD product in a CNY chain was sold in USD).
 */
public final class ChainCurrency {

    private static final String CODE = Fields.currency(ConfigProvider.getConfig()
            .getOptionalValue("hq.currency", String.class).orElse("CNY"), "hq.currency");

    private ChainCurrency() {
    }

    /** The chain's currency. */
    public static String code() {
        return CODE;
    }

    /** The chain's currency for a price that names none, else the one it names if it is the chain's. */
    public static String of(String given) {
        if (given == null) {
            return CODE;
        }
        if (!CODE.equals(given)) {
            throw new InvalidField("currency", "this chain prices in " + CODE + ", not '" + given + "'");
        }
        return given;
    }
}
