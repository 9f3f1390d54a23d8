package io.chainretail.core.sync.payload;

import io.chainretail.core.error.Fields;
import java.time.Instant;
import java.util.List;

/** Uplink: a completed sale, a fact HQ records as it happened. */
public record SaleCompleted(
        String saleId,
        String lane,
        long receiptNo,
        String cashier,
        Instant completedAt,
        String currency,
        List<SaleLine> lines,
        long totalMinor,
        List<Tender> tenders,
        long changeMinor) {

    public SaleCompleted {
        Fields.notBlank(saleId, "saleId");
        Fields.notBlank(lane, "lane");
        Fields.notBlank(cashier, "cashier");
        if (receiptNo < 1) {
            throw new IllegalArgumentException("receiptNo must be positive");
        }
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a sale has at least one line");
        }
        long sum = lines.stream().mapToLong(SaleLine::amountMinor).sum();
        if (sum != totalMinor) {
            throw new IllegalArgumentException("totalMinor " + totalMinor + " is not the sum of the lines " + sum);
        }
        long tendered = tenders.stream().mapToLong(Tender::amountMinor).sum();
        if (tendered - changeMinor != totalMinor) {
            throw new IllegalArgumentException("tenders minus change do not equal the total");
        }
    }

    /** One sold line. */
    public record SaleLine(String sku, String barcode, String name, long quantity, long unitPriceMinor,
            long amountMinor) {

        public SaleLine {
            Fields.notBlank(sku, "sku");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be positive");
            }
            if (unitPriceMinor < 0 || amountMinor != Math.multiplyExact(unitPriceMinor, quantity)) {
                throw new IllegalArgumentException("line amount must be unit price times quantity");
            }
        }
    }

    /** One payment: type (CASH, CARD, VOUCHER) and amount given. */
    public record Tender(String type, long amountMinor) {

        public Tender {
            Fields.notBlank(type, "type");
            if (amountMinor < 0) {
                throw new IllegalArgumentException("tender amount must not be negative");
            }
        }
    }
}
