package io.chainretail.hq.dashboard;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.sales.Refund;
import io.chainretail.hq.sales.Sale;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain's sales over a range of business days (each store's own calendar): gross sales, returns and
 * voids, net, the same for the period just before (as long), and totals by store, day, hour of day, category
 * and the top products. Worked out from the sales HQ received, read once per
 * request: fine for a dashboard over days; a year's analysis belongs in a warehouse.
 */
@ApplicationScoped
public class SalesDashboard {

    /** One bar: a label, how many sales (or units, for products) and their amount. */
    public record Bar(String label, long count, long amountMinor) {
    }

    /**
     * A period's takings: sales and their gross amount, returns and voids and what they paid back, and the net
     * (gross less refunds).
     */
    public record Totals(LocalDate from, LocalDate to, long sales, long amountMinor, long refunds,
            long refundsMinor, long netMinor) {
    }

    /** {@code previous} is the period of as many days just before {@code from}, for the trend. */
    public record Summary(LocalDate from, LocalDate to, long sales, long amountMinor, long refunds,
            long refundsMinor, long netMinor, Totals previous, List<Bar> byStore, List<Bar> byDay, List<Bar> byHour,
            List<Bar> byCategory, List<Bar> topProducts, int unreadable) {
    }

    private final SyncCodec codec = new SyncCodec();

    @Transactional
    public Summary between(LocalDate from, LocalDate to) {
        Map<String, ZoneId> zones = zones();
        List<Sale> sales = Sale.list("completedAt >= ?1 and completedAt < ?2", since(from), until(to));
        Map<String, long[]> byStore = new TreeMap<>();
        Map<String, long[]> byDay = new TreeMap<>();
        Map<String, long[]> byHour = new TreeMap<>();
        Map<String, long[]> byCategory = new TreeMap<>();
        Map<String, long[]> byProduct = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        long count = 0;
        long amount = 0;
        int unreadable = 0;
        for (Sale sale : sales) {
            var local = sale.completedAt.atZone(zones.getOrDefault(sale.storeCode, ZoneOffset.UTC));
            if (!within(local.toLocalDate(), from, to)) {
                continue;
            }
            count++;
            amount += sale.totalMinor;
            add(byStore, sale.storeCode, 1, sale.totalMinor);
            add(byDay, local.toLocalDate().toString(), 1, sale.totalMinor);
            add(byHour, String.format("%02d:00", local.getHour()), 1, sale.totalMinor);
            SaleCompleted payload;
            try {
                payload = codec.readPayload(sale.payload, SaleCompleted.class);
            } catch (MalformedMessageException e) {
                unreadable++;
                continue;
            }
            for (SaleCompleted.SaleLine line : payload.lines()) {
                names.putIfAbsent(line.sku(), line.name());
                String category = categories.computeIfAbsent(line.sku(), sku -> {
                    Product product = Product.findById(sku);
                    return product == null || product.category == null ? "(none)" : product.category;
                });
                add(byCategory, category, line.quantity(), line.amountMinor());
                add(byProduct, line.sku(), line.quantity(), line.amountMinor());
            }
        }
        List<Bar> top = new ArrayList<>(bars(byProduct).stream()
                .map(b -> new Bar(b.label() + " " + names.get(b.label()), b.count(), b.amountMinor())).toList());
        top.sort(Comparator.comparingLong(Bar::amountMinor).reversed());
        long[] refunds = refunds(from, to, zones);
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        return new Summary(from, to, count, amount, refunds[0], refunds[1], amount - refunds[1],
                totals(from.minusDays(days), from.minusDays(1), zones), bars(byStore), bars(byDay), bars(byHour),
                bars(byCategory), top.subList(0, Math.min(10, top.size())), unreadable);
    }

    private static Totals totals(LocalDate from, LocalDate to, Map<String, ZoneId> zones) {
        long count = 0;
        long amount = 0;
        for (Sale sale : Sale.<Sale>list("completedAt >= ?1 and completedAt < ?2", since(from), until(to))) {
            if (within(sale.completedAt.atZone(zones.getOrDefault(sale.storeCode, ZoneOffset.UTC)).toLocalDate(),
                    from, to)) {
                count++;
                amount += sale.totalMinor;
            }
        }
        long[] refunds = refunds(from, to, zones);
        return new Totals(from, to, count, amount, refunds[0], refunds[1], amount - refunds[1]);
    }

    /** How many returns and voids, and what they paid back, on the stores' business days. */
    private static long[] refunds(LocalDate from, LocalDate to, Map<String, ZoneId> zones) {
        long[] refunds = new long[2];
        for (Refund refund : Refund.<Refund>list("completedAt >= ?1 and completedAt < ?2", since(from),
                until(to))) {
            if (within(refund.completedAt.atZone(zones.getOrDefault(refund.storeCode, ZoneOffset.UTC))
                    .toLocalDate(), from, to)) {
                refunds[0]++;
                refunds[1] += refund.totalMinor;
            }
        }
        return refunds;
    }

    private static Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new HashMap<>();
        for (Store store : Store.<Store>listAll()) {
            zones.put(store.code, ZoneId.of(store.timezone));
        }
        return zones;
    }

    /*
     * A business day's sales happened within a day either side of that date in UTC, whatever the store's zone:
     * read from a day before the first to a day after the last, then keep each store's own days.
     */
    private static Instant since(LocalDate first) {
        return first.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant until(LocalDate last) {
        return last.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static void add(Map<String, long[]> totals, String key, long count, long amountMinor) {
        long[] total = totals.computeIfAbsent(key, k -> new long[2]);
        total[0] += count;
        total[1] += amountMinor;
    }

    private static List<Bar> bars(Map<String, long[]> totals) {
        return totals.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
