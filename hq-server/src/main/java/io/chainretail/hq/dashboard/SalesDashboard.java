package io.chainretail.hq.dashboard;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.sales.Sale;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * The chain's sales over a range of business days (each store's own calendar): totals by store, day,
 * hour of day, category and the top products. Worked out from the sales HQ received, read once per
 * request: fine for a dashboard over days; a year's analysis belongs in a warehouse.
 */
@ApplicationScoped
public class SalesDashboard {

    /** One bar: a label, how many sales (or units, for products) and their amount. */
    public record Bar(String label, long count, long amountMinor) {
    }

    public record Summary(LocalDate from, LocalDate to, long sales, long amountMinor, List<Bar> byStore,
            List<Bar> byDay, List<Bar> byHour, List<Bar> byCategory, List<Bar> topProducts, int unreadable) {
    }

    private final SyncCodec codec = new SyncCodec();

    @Transactional
    public Summary between(LocalDate from, LocalDate to) {
        Map<String, ZoneId> zones = new HashMap<>();
        for (Store store : Store.<Store>listAll()) {
            zones.put(store.code, ZoneId.of(store.timezone));
        }
        // A day's sales are within a day either side of UTC midnight, whatever the store's zone.
        List<Sale> sales = Sale.list("completedAt >= ?1 and completedAt < ?2",
                from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
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
            if (local.toLocalDate().isBefore(from) || local.toLocalDate().isAfter(to)) {
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
        return new Summary(from, to, count, amount, bars(byStore), bars(byDay), bars(byHour), bars(byCategory),
                top.subList(0, Math.min(10, top.size())), unreadable);
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
