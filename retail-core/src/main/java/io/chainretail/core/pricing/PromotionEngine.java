package io.chainretail.core.pricing;

import io.chainretail.core.pricing.WorkingBasket.Unit;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.SpendTier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices a basket under the promotions running at a store: the one deterministic engine that tills,
 * HQ previews and HQ's reconciliation all use (docs/promotions.md). The rules, with worked
 * examples, are in {@code docs/promotions.md}; in short:
 *
 * <ol>
 * <li>A promotion runs when it is active, targets the store or its region, its schedule includes the
 * store-local time, and its member and coupon conditions are met.</li>
 * <li>Item promotions apply first, highest priority first (code breaks ties), each to the current
 * price of every unit it may touch; then spend thresholds, in the same order, on what is left.</li>
 * <li>A unit is changed by at most one promotion of each exclusivity group; promotions without a group
 * stack. A multi-buy or buy X get Y consumes the units of its bundles, which no other such promotion
 * counts again. Weighed lines are never counted.</li>
 * <li>No unit goes below zero. Percentages round half up per unit; amounts spread over several
 * units by largest remainder.</li>
 * </ol>
 *
 * <p>The result does not depend on the order items were scanned in: units are always considered dearest
 * first, equal prices by SKU.
 */
public final class PromotionEngine {

    private static final Comparator<Promotion> EVALUATION_ORDER =
            Comparator.comparingInt(Promotion::priority).reversed().thenComparing(Promotion::code);

    public PricedBasket price(List<BasketLine> lines, PricingContext context, Collection<Promotion> promotions) {
        List<Promotion> running = promotions.stream().filter(promotion -> runs(promotion, context))
                .sorted(EVALUATION_ORDER).toList();
        WorkingBasket basket = new WorkingBasket(lines);
        for (Promotion promotion : running) {
            switch (promotion.type()) {
                case PERCENT_OFF -> percentOff(basket, promotion);
                case AMOUNT_OFF -> amountOff(basket, promotion);
                case MULTI_BUY -> multiBuy(basket, promotion);
                case BUY_X_GET_Y -> buyXGetY(basket, promotion);
                default -> {
                    // spend thresholds: after every item promotion, below
                }
            }
        }
        for (Promotion promotion : running) {
            if (promotion.type() == PromotionType.SPEND_THRESHOLD) {
                spendThreshold(basket, promotion);
            }
        }
        return result(basket, context);
    }

    /** True when {@code promotion} applies at this store, time, member and coupons. */
    public static boolean runs(Promotion promotion, PricingContext context) {
        return promotion.active()
                && promotion.targets().includes(context.store(), context.region())
                && promotion.schedule().isActiveAt(context.localTime())
                && (!promotion.memberOnly() || context.hasMember())
                && (promotion.couponCode() == null || context.coupons().contains(promotion.couponCode()));
    }

    private static void percentOff(WorkingBasket basket, Promotion promotion) {
        for (Unit unit : basket.eligible(promotion, promotion.items(), false)) {
            basket.discount(unit, promotion, Rounding.percentOf(unit.price, promotion.percentOffBp()));
        }
    }

    private static void amountOff(WorkingBasket basket, Promotion promotion) {
        for (Unit unit : basket.eligible(promotion, promotion.items(), false)) {
            basket.discount(unit, promotion, promotion.amountOffMinor());
        }
    }

    /**
     * Bundles of {@code buyQuantity} units, dearest first. "3 for 2": the cheapest units of each bundle
     * are free. "2 for 10.00": the bundle costs the bundle price, the saving spread over its units; a
     * bundle that would cost more than its units' prices does not apply. Units left over stay as they are.
     */
    private static void multiBuy(WorkingBasket basket, Promotion promotion) {
        List<Unit> candidates = basket.eligible(promotion, promotion.items(), true);
        int size = promotion.buyQuantity();
        for (int start = 0; start + size <= candidates.size(); start += size) {
            List<Unit> bundle = candidates.subList(start, start + size);
            if (promotion.payQuantity() != null) {
                bundle.forEach(unit -> basket.consume(unit, promotion));
                for (Unit free : bundle.subList(promotion.payQuantity(), size)) {
                    basket.discount(free, promotion, free.price);
                }
            } else {
                long[] prices = bundle.stream().mapToLong(unit -> unit.price).toArray();
                long saving = Arrays.stream(prices).sum() - promotion.bundlePriceMinor();
                if (saving <= 0) {
                    continue;
                }
                long[] shares = Rounding.allocate(saving, prices);
                for (int i = 0; i < size; i++) {
                    basket.consume(bundle.get(i), promotion);
                    basket.discount(bundle.get(i), promotion, shares[i]);
                }
            }
        }
    }

    /**
     * Repeatedly: the {@code buyQuantity} dearest qualifying units not yet used, then the
     * {@code getQuantity} cheapest reward units not yet used, which get {@code percentOffBp} off. Stops
     * when either runs out; the reward items must be in the basket.
     */
    private static void buyXGetY(WorkingBasket basket, Promotion promotion) {
        List<Unit> buyable = new ArrayList<>(basket.eligible(promotion, promotion.items(), true));
        List<Unit> rewards = new ArrayList<>(basket.eligible(promotion,
                promotion.getItems() == null ? promotion.items() : promotion.getItems(), true));
        Collections.reverse(rewards);
        while (true) {
            List<Unit> buys = buyable.stream().limit(promotion.buyQuantity()).toList();
            List<Unit> gets = rewards.stream().filter(unit -> !buys.contains(unit))
                    .limit(promotion.getQuantity()).toList();
            if (buys.size() < promotion.buyQuantity() || gets.size() < promotion.getQuantity()) {
                return;
            }
            for (Unit unit : buys) {
                basket.consume(unit, promotion);
            }
            for (Unit unit : gets) {
                basket.consume(unit, promotion);
                basket.discount(unit, promotion, Rounding.percentOf(unit.price, promotion.percentOffBp()));
            }
            buyable.removeAll(buys);
            buyable.removeAll(gets);
            rewards.removeAll(buys);
            rewards.removeAll(gets);
        }
    }

    /**
     * The highest tier the qualifying units' current prices reach; its saving spread over them in
     * proportion to their prices.
     */
    private static void spendThreshold(WorkingBasket basket, Promotion promotion) {
        List<Unit> qualifying = basket.eligible(promotion, promotion.items(), false);
        long[] prices = qualifying.stream().mapToLong(unit -> unit.price).toArray();
        long spend = Arrays.stream(prices).sum();
        long saving = 0;
        for (SpendTier tier : promotion.spendTiers()) {
            if (spend >= tier.spendMinor()) {
                saving = tier.saveMinor();
            }
        }
        if (saving == 0) {
            return;
        }
        long[] shares = Rounding.allocate(Math.min(saving, spend), prices);
        for (int i = 0; i < prices.length; i++) {
            basket.discount(qualifying.get(i), promotion, shares[i]);
        }
    }

    private static PricedBasket result(WorkingBasket basket, PricingContext context) {
        List<PricedLine> lines = basket.pricedLines();
        Map<Promotion, Long> savings = basket.savings();
        List<PricedBasket.AppliedPromotion> applied = new ArrayList<>();
        savings.forEach((promotion, saving) -> applied.add(new PricedBasket.AppliedPromotion(promotion.code(),
                promotion.version(), promotion.name(), saving)));
        List<String> usedCoupons = savings.keySet().stream().map(Promotion::couponCode)
                .filter(Objects::nonNull).toList();
        List<String> couponsNotApplied = context.coupons().stream().filter(code -> !usedCoupons.contains(code))
                .toList();
        long regular = lines.stream().mapToLong(PricedLine::regularMinor).sum();
        long saving = lines.stream().mapToLong(PricedLine::savingMinor).sum();
        long tax = lines.stream().mapToLong(PricedLine::taxMinor).sum();
        long total = lines.stream().mapToLong(PricedLine::payableMinor).sum();
        return new PricedBasket(lines, regular, saving, tax, total, applied, couponsNotApplied);
    }
}
