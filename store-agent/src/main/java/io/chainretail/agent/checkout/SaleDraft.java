package io.chainretail.agent.checkout;

import java.util.ArrayList;
import java.util.List;

/**
 * A sale being rung up. It lives in memory until completion: a crash before completion leaves no
 * half sale in the journal, which is what ARCHITECTURE.md section 5 asks.
 */
final class SaleDraft {

    final String saleId;
    final String lane;
    final String cashier;
    final List<Line> lines = new ArrayList<>();
    String currency;

    SaleDraft(String saleId, String lane, String cashier) {
        this.saleId = saleId;
        this.lane = lane;
        this.cashier = cashier;
    }

    long total() {
        return lines.stream().mapToLong(Line::amountMinor).sum();
    }

    record Line(String sku, String barcode, String name, long quantity, long unitPriceMinor) {
        long amountMinor() {
            return Math.multiplyExact(unitPriceMinor, quantity);
        }
    }
}
