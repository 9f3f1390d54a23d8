package io.chainretail.agent.checkout;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.sync.payload.MemberChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sale being rung up. It lives in memory until completion: a crash before completion leaves no
 * half sale in the journal (docs/architecture.md, "Offline"). Access is synchronized on the draft by
 * {@link CheckoutService}.
 */
final class SaleDraft {

    final String saleId;
    /** The lane ringing it up; a suspended sale moves to the lane that resumes it. */
    String lane;
    final String cashier;
    boolean suspended;
    /** Completed: nothing may change or save it any more. */
    boolean closed;
    final List<Line> lines = new ArrayList<>();
    final Set<String> coupons = new TreeSet<>();
    MemberChange member;
    String currency;

    SaleDraft(String saleId, String lane, String cashier) {
        this.saleId = saleId;
        this.lane = lane;
        this.cashier = cashier;
    }

    int nextLineNo() {
        return lines.stream().mapToInt(line -> line.lineNo).max().orElse(0) + 1;
    }

    Line line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst().orElse(null);
    }

    List<Line> activeLines() {
        return lines.stream().filter(line -> !line.voided).toList();
    }

    /**
     * One scanned line. A voided line stays in the draft (and its number is never reused) so the till
     * can show it struck through; it is not priced or sold.
     *
     * @param labelPriceMinor a scale label's price for the weighed amount, else {@code null}
     * @param weightGrams     the weight of a weighed item, when known
     */
    static final class Line {
        final int lineNo;
        final String code;
        Catalog.Item item;
        long quantity;
        final Long labelPriceMinor;
        final Long weightGrams;
        boolean voided;

        Line(int lineNo, String code, Catalog.Item item, long quantity, Long labelPriceMinor, Long weightGrams) {
            this.lineNo = lineNo;
            this.code = code;
            this.item = item;
            this.quantity = quantity;
            this.labelPriceMinor = labelPriceMinor;
            this.weightGrams = weightGrams;
        }
    }
}
