package io.chainretail.core.promotion;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;
import java.util.List;

/**
 * A promotion as data (docs/promotions.md): what it does ({@code type} and the fields that type
 * uses, every other type field {@code null}), on which items, where, when, and how it stacks. HQ gives
 * each saved change a new {@code version}, so a receipt line's trace names exactly what priced it.
 *
 * @param items            the qualifying items (for BUY_X_GET_Y: the items to buy)
 * @param percentOffBp     PERCENT_OFF, and BUY_X_GET_Y's discount on the free items (10000 = free)
 * @param amountOffMinor   AMOUNT_OFF: off each qualifying item
 * @param buyQuantity      MULTI_BUY and BUY_X_GET_Y
 * @param payQuantity      MULTI_BUY "3 for 2": pay for this many
 * @param bundlePriceMinor MULTI_BUY "2 for 10.00": the price of the bundle
 * @param getQuantity      BUY_X_GET_Y: how many reward items
 * @param getItems         BUY_X_GET_Y: the reward items ({@code null}: the same as {@code items})
 * @param spendTiers       SPEND_THRESHOLD, ascending
 * @param memberOnly       only with a member attached
 * @param couponCode       only when this coupon is presented, or {@code null}
 * @param priority         higher is evaluated first
 * @param exclusivityGroup at most one promotion of a group applies to an item, or {@code null}
 */
public record Promotion(
        String code,
        int version,
        String name,
        boolean active,
        PromotionType type,
        ItemScope items,
        Integer percentOffBp,
        Long amountOffMinor,
        Integer buyQuantity,
        Integer payQuantity,
        Long bundlePriceMinor,
        Integer getQuantity,
        ItemScope getItems,
        List<SpendTier> spendTiers,
        boolean memberOnly,
        String couponCode,
        Targets targets,
        Schedule schedule,
        int priority,
        String exclusivityGroup) implements FeedRecord {

    public Promotion {
        Fields.code(code, "code");
        Fields.require(version >= 0, "version", "must not be negative");
        Fields.notBlank(name, "name");
        Fields.require(type != null, "type", "must be one of PERCENT_OFF, AMOUNT_OFF, MULTI_BUY, BUY_X_GET_Y, "
                + "SPEND_THRESHOLD");
        items = items == null ? ItemScope.ALL : items;
        spendTiers = spendTiers == null ? List.of() : List.copyOf(spendTiers);
        Fields.optionalCode(couponCode, "couponCode");
        Fields.require(targets != null, "targets", "say where the promotion runs");
        Fields.require(schedule != null, "schedule", "say when the promotion runs");
        Fields.optionalCode(exclusivityGroup, "exclusivityGroup");
        new TypeRules(type).check(percentOffBp, amountOffMinor, buyQuantity, payQuantity, bundlePriceMinor,
                getQuantity, getItems, spendTiers);
    }

    @Override
    public String key() {
        return code;
    }

    /** This promotion as HQ saves it: the given version. */
    public Promotion withVersion(int newVersion) {
        return new Promotion(code, newVersion, name, active, type, items, percentOffBp, amountOffMinor, buyQuantity,
                payQuantity, bundlePriceMinor, getQuantity, getItems, spendTiers, memberOnly, couponCode, targets,
                schedule, priority, exclusivityGroup);
    }

    /** Which fields each type needs, and that it leaves the others empty. */
    private record TypeRules(PromotionType type) {

        void check(Integer percentOffBp, Long amountOffMinor, Integer buyQuantity, Integer payQuantity,
                Long bundlePriceMinor, Integer getQuantity, ItemScope getItems, List<SpendTier> spendTiers) {
            boolean percent = type == PromotionType.PERCENT_OFF || type == PromotionType.BUY_X_GET_Y;
            boolean buy = type == PromotionType.MULTI_BUY || type == PromotionType.BUY_X_GET_Y;
            boolean getY = type == PromotionType.BUY_X_GET_Y;
            used("percentOffBp", percentOffBp, percent);
            used("amountOffMinor", amountOffMinor, type == PromotionType.AMOUNT_OFF);
            used("buyQuantity", buyQuantity, buy);
            used("getQuantity", getQuantity, getY);
            unused("payQuantity", payQuantity, type == PromotionType.MULTI_BUY);
            unused("bundlePriceMinor", bundlePriceMinor, type == PromotionType.MULTI_BUY);
            unused("getItems", getItems, getY);
            Fields.require(type == PromotionType.SPEND_THRESHOLD || spendTiers.isEmpty(), "spendTiers",
                    "is not used by " + type);
            if (percent) {
                Fields.require(percentOffBp > 0 && percentOffBp <= 10_000, "percentOffBp",
                        "must be between 1 and 10000 basis points (100 = 1%)");
            }
            if (type == PromotionType.AMOUNT_OFF) {
                Fields.require(amountOffMinor > 0, "amountOffMinor", "must be positive");
            }
            if (type == PromotionType.MULTI_BUY) {
                Fields.require(buyQuantity >= 2, "buyQuantity", "a multi-buy needs at least 2 items");
                Fields.require((payQuantity == null) != (bundlePriceMinor == null), "payQuantity",
                        "give payQuantity (3 for 2) or bundlePriceMinor (2 for 10.00), not both");
                Fields.require(payQuantity == null || (payQuantity >= 1 && payQuantity < buyQuantity), "payQuantity",
                        "must be at least 1 and less than buyQuantity");
                Fields.require(bundlePriceMinor == null || bundlePriceMinor >= 0, "bundlePriceMinor",
                        "must not be negative");
            }
            if (getY) {
                Fields.require(buyQuantity >= 1, "buyQuantity", "must be at least 1");
                Fields.require(getQuantity >= 1, "getQuantity", "must be at least 1");
            }
            if (type == PromotionType.SPEND_THRESHOLD) {
                checkTiers(spendTiers);
            }
        }

        private void used(String field, Object value, boolean needed) {
            Fields.require(needed == (value != null), field,
                    needed ? "is needed by " + type : "is not used by " + type);
        }

        private void unused(String field, Object value, boolean allowed) {
            Fields.require(allowed || value == null, field, "is not used by " + type);
        }

        private static void checkTiers(List<SpendTier> tiers) {
            Fields.require(!tiers.isEmpty(), "spendTiers", "a spend threshold needs at least one tier");
            long previousSpend = 0;
            long previousSave = 0;
            for (int i = 0; i < tiers.size(); i++) {
                SpendTier tier = tiers.get(i);
                String at = "spendTiers[" + i + "]";
                Fields.require(tier != null, at, "must not be empty");
                Fields.require(tier.spendMinor() > previousSpend, at + ".spendMinor",
                        "thresholds must be positive and ascending");
                Fields.require(tier.saveMinor() > previousSave, at + ".saveMinor",
                        "savings must be positive and grow with the threshold");
                Fields.require(tier.saveMinor() <= tier.spendMinor(), at + ".saveMinor",
                        "cannot save more than the threshold");
                previousSpend = tier.spendMinor();
                previousSave = tier.saveMinor();
            }
        }
    }
}
