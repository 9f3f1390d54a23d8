package io.chainretail.core.pricing;

import java.util.List;

/**
 * A priced basket: the lines with their traces, and the totals a receipt shows.
 *
 * @param totalMinor        what the customer pays: the lines' amounts plus exclusive tax
 * @param promotions        each promotion that saved something, in the order it was applied
 * @param couponsNotApplied coupons presented that changed nothing (unknown, not running, or no
 *                          qualifying items), for the cashier to tell the customer
 */
public record PricedBasket(List<PricedLine> lines, long regularMinor, long savingMinor, long taxMinor,
        long totalMinor, List<AppliedPromotion> promotions, List<String> couponsNotApplied) {

    public PricedBasket {
        lines = List.copyOf(lines);
        promotions = List.copyOf(promotions);
        couponsNotApplied = List.copyOf(couponsNotApplied);
    }

    /** One promotion's total effect on the basket. */
    public record AppliedPromotion(String promotion, int version, String name, long savingMinor) {
    }
}
