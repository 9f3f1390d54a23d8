package io.chainretail.agent.checkout;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.money.Money;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.tender.TenderType;
import java.util.List;

/**
 * What a customer hands over for a total, checked the same way for a sale and for an online order paid at pickup:
 * enough, change only from cash, never more change than a till gives.
 */
public final class Tendered {

    private Tendered() {
    }

    /** The change to give; refuses TENDER_TOO_LOW, TENDER_TOO_LARGE, CHANGE_WITHOUT_CASH, CHANGE_TOO_LARGE. */
    public static long change(List<SaleCompleted.Tender> tenders, long total, String currency, long maxChange) {
        long tendered = tenders.stream().mapToLong(SaleCompleted.Tender::amountMinor).reduce(0, Tendered::add);
        long cash = of(tenders, TenderType.CASH);
        if (tendered < total) {
            throw Refusal.of(ErrorCode.TENDER_TOO_LOW, "Payment of " + money(tendered, currency)
                    + " is less than the total " + money(total, currency) + ".");
        }
        long change = tendered - total;
        if (change > cash) {
            throw Refusal.of(ErrorCode.CHANGE_WITHOUT_CASH, "Only cash can be overpaid to give change.");
        }
        if (change > maxChange) {
            throw Refusal.of(ErrorCode.CHANGE_TOO_LARGE, "Cash of " + money(cash, currency) + " for "
                    + money(total, currency) + " would give " + money(change, currency)
                    + " change, more than a till gives: check the amount.");
        }
        return change;
    }

    /** What was tendered in {@code type}. */
    public static long of(List<SaleCompleted.Tender> tenders, TenderType type) {
        return tenders.stream().filter(t -> type.named(t.type())).mapToLong(SaleCompleted.Tender::amountMinor)
                .reduce(0, Tendered::add);
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw Refusal.of(ErrorCode.TENDER_TOO_LARGE, "The amounts tendered are too large to be real.");
        }
    }

    public static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
