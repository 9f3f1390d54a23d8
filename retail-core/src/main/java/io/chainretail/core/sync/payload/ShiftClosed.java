package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/**
 * Uplink: a lane's shift closed with its Z report: what was sold and refunded, by tender, the cash
 * the drawer should hold and what the cashier counted, by denomination.
 *
 * @param zNo               the lane's Z report number, gap-free
 * @param firstReceiptNo    the first receipt number of the shift, 0 when it had none
 * @param expectedCashMinor float + cash taken - change given - cash refunded
 * @param varianceMinor     counted minus expected: negative when cash is missing
 */
public record ShiftClosed(
        String shiftId,
        String lane,
        long zNo,
        String openedBy,
        String closedBy,
        Instant openedAt,
        Instant closedAt,
        String currency,
        long floatMinor,
        long firstReceiptNo,
        long lastReceiptNo,
        int sales,
        int returns,
        long salesMinor,
        long returnsMinor,
        List<TenderTotal> tenders,
        int noSales,
        long expectedCashMinor,
        List<Denomination> counted,
        long countedCashMinor,
        long varianceMinor) {

    public ShiftClosed {
        Fields.text(shiftId, Limits.ID, "shiftId");
        Fields.text(lane, Limits.LANE, "lane");
        Fields.optionalText(openedBy, Limits.PERSON, "openedBy");
        Fields.optionalText(closedBy, Limits.PERSON, "closedBy");
        Fields.require(closedAt != null, "closedAt", "is required");
        Fields.optionalCurrency(currency, "currency");
        Fields.require(zNo >= 1, "zNo", "must be positive");
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
        counted = counted == null ? List.of() : List.copyOf(counted);
        Fields.require(counted.stream().mapToLong(d -> d.valueMinor() * d.count()).sum() == countedCashMinor,
                "countedCashMinor", "is not the sum of the denominations counted");
        Fields.require(countedCashMinor - expectedCashMinor == varianceMinor, "varianceMinor",
                "must be counted minus expected");
    }

    /** One tender type over the shift: taken in on sales (net of change), paid out on refunds. */
    public record TenderTotal(String type, long inMinor, long outMinor) {
    }

    /** How many notes or coins of one value were counted. */
    public record Denomination(long valueMinor, int count) {

        public Denomination {
            Fields.require(valueMinor > 0, "valueMinor", "must be positive");
            Fields.require(count >= 0, "count", "must not be negative");
        }
    }
}
