package io.chainretail.agent.checkout;

import java.util.List;

/**
 * A sale as the till shows it: open while being rung up (priced afresh after every change), completed
 * with its receipt afterwards.
 *
 * @param status            {@code OPEN}, {@code SUSPENDED} or {@code COMPLETED}
 * @param couponsNotApplied coupons presented that changed nothing, for the cashier to tell the customer
 * @param savingMinor       what promotions took off
 * @param memberSavingMinor what the member's tier prices saved against the prices without a card (open sales)
 * @param totalMinor        what the customer pays
 * @param receiptNo         the lane's receipt number once completed, else 0
 * @param receiptText       the receipt as printed, once completed
 */
public record SaleView(String saleId, String lane, String status, List<LineView> lines, MemberView member,
        List<String> coupons, List<String> couponsNotApplied, long regularMinor, long savingMinor,
        long memberSavingMinor, long taxMinor,
        long totalMinor, String currency, long receiptNo, long changeMinor, String receiptText) {

    /** One line; a voided line keeps its regular price, to be shown struck through, and an amount of zero. */
    public record LineView(int lineNo, String sku, String code, String name, long quantity, Long weightGrams,
            long unitPriceMinor, long regularMinor, long savingMinor, long amountMinor, boolean voided,
            List<PromotionView> promotions) {
    }

    /** What one promotion version took off a line. */
    public record PromotionView(String code, int version, String name, long savingMinor) {
    }

    /** The member attached to the sale; name and balance are shown only while the sale is open. */
    public record MemberView(String cardNo, String name, String tier, Long pointsBalance) {
    }
}
