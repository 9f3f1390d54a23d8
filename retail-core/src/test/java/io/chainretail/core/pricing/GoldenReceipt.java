package io.chainretail.core.pricing;

import java.math.BigDecimal;

/** Prints a priced basket the way the golden files spell it: every number a receipt depends on. */
final class GoldenReceipt {

    private GoldenReceipt() {
    }

    static String print(PricedBasket basket) {
        StringBuilder out = new StringBuilder();
        for (PricedLine priced : basket.lines()) {
            BasketLine line = priced.line();
            out.append(String.format("%d %s x%d @%s = %s", line.lineNo(), line.sku(), line.quantity(),
                    money(line.unitPriceMinor()), money(priced.regularMinor())));
            if (priced.savingMinor() > 0) {
                out.append(" -").append(money(priced.savingMinor())).append(" = ").append(money(priced.amountMinor()));
            }
            out.append(String.format(" tax %s %s%n", line.tax().code(), money(priced.taxMinor())));
            for (Adjustment adjustment : priced.adjustments()) {
                out.append(String.format("  %s v%d -%s on %d%n", adjustment.promotion(), adjustment.version(),
                        money(adjustment.savingMinor()), adjustment.units()));
            }
        }
        out.append(String.format("regular %s saving %s tax %s total %s%n", money(basket.regularMinor()),
                money(basket.savingMinor()), money(basket.taxMinor()), money(basket.totalMinor())));
        for (PricedBasket.AppliedPromotion promotion : basket.promotions()) {
            out.append(String.format("applied %s v%d -%s%n", promotion.promotion(), promotion.version(),
                    money(promotion.savingMinor())));
        }
        if (!basket.couponsNotApplied().isEmpty()) {
            out.append("coupons not applied ").append(String.join(",", basket.couponsNotApplied())).append('\n');
        }
        return out.toString();
    }

    static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
