package io.chainretail.e2e.swarm;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.payload.SaleCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sales as a till completes them, for load tests that speak to HQ without a store agent: five lines of products
 * {@code B-1}..{@code B-catalog} (the benchmarks' catalog), paid in cash, each on the lane's next receipt number.
 */
public final class SaleEvents {

    public static final int LINES = 5;

    private final int catalog;

    public SaleEvents(int catalog) {
        this.catalog = catalog;
    }

    /** The sale at {@code position} of its store's journal, which is also its receipt number on lane 01. */
    public SaleCompleted sale(long position, Random random) {
        List<SaleCompleted.SaleLine> lines = new ArrayList<>();
        long total = 0;
        long tax = 0;
        for (int line = 1; line <= LINES; line++) {
            int product = 1 + random.nextInt(catalog);
            long price = 100 + product % 900;
            lines.add(new SaleCompleted.SaleLine(line, "B-" + product, barcode(product), "大米 Rice " + product, 1,
                    null, price, price, 0, price, "STD", price * 13 / 113, price, List.of()));
            total += price;
            tax += price * 13 / 113;
        }
        return new SaleCompleted(EventIds.next().toString(), "01", position, "1001", Instant.now(), "CNY", null,
                List.of(), lines, 0, tax, total, List.of(new SaleCompleted.Tender("CASH", total)), 0, 1, 1, 0, 0,
                false);
    }

    /** The barcode of product {@code B-i}. */
    public static String barcode(int i) {
        return Gtin.withCheckDigit(String.format("692%09d", i));
    }
}
