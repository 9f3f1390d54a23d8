package io.chainretail.agent.checkout;

import java.util.List;

/**
 * A sale as the till shows it: open while being rung up, completed with its receipt afterwards.
 *
 * @param status       {@code OPEN} or {@code COMPLETED}
 * @param receiptNo    the lane's receipt number once completed, else 0
 * @param receiptText  the receipt as printed, once completed
 */
public record SaleView(String saleId, String lane, String status, List<LineView> lines, long totalMinor,
        String currency, long receiptNo, long changeMinor, String receiptText) {

    /** One line of the sale. */
    public record LineView(String sku, String barcode, String name, long quantity, long unitPriceMinor,
            long amountMinor) {
    }
}
