package io.chainretail.hq.reconciliation;

import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.pricing.RegionPrice;
import io.chainretail.hq.reconciliation.DayReconciliation.StalePrice;
import io.chainretail.hq.sales.Sale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Finds sale lines a store priced with older price data than HQ had when the sale happened (the store
 * was cut off, or the delta was still on its way): the sale records the {@code prices} feed position it
 * priced with; HQ's position then is the last prices delta written before the sale. A line is listed
 * when its chain or regional price changed between the two, with HQ's price then and the difference.
 * Member-tier prices and weighed lines are not compared.
 */
@ApplicationScoped
class StalePriceFinder {

    private static final int MAX_LISTED = 1_000;

    private final EntityManager entities;
    private final SyncCodec codec = new SyncCodec();

    StalePriceFinder(EntityManager entities) {
        this.entities = entities;
    }

    List<StalePrice> find(List<Sale> sales, String region) {
        List<StalePrice> stale = new ArrayList<>();
        List<Object[]> timeline = entities.createQuery("select o.seq, o.occurredAt from OutboxEntry o "
                + "where o.feed = 'prices' order by o.seq", Object[].class).getResultList();
        if (timeline.isEmpty()) {
            return stale;
        }
        Map<Sale, SaleCompleted> staleSales = new HashMap<>();
        long from = Long.MAX_VALUE;
        for (Sale sale : sales) {
            SaleCompleted payload = read(sale.payload, SaleCompleted.class);
            if (payload.pricesSeq() < hqSeqAt(timeline, sale.completedAt)) {
                staleSales.put(sale, payload);
                from = Math.min(from, payload.pricesSeq());
            }
        }
        if (staleSales.isEmpty()) {
            return stale;
        }
        Map<String, NavigableMap<Long, Long>> changes = changesAfter(from, region);
        for (Map.Entry<Sale, SaleCompleted> entry : staleSales.entrySet()) {
            SaleCompleted sale = entry.getValue();
            long hqSeq = hqSeqAt(timeline, entry.getKey().completedAt);
            for (SaleCompleted.SaleLine line : sale.lines()) {
                if (line.weightGrams() != null || stale.size() >= MAX_LISTED) {
                    continue;
                }
                NavigableMap<Long, Long> regional = changes.getOrDefault(regionalKey(line.sku(), region),
                        new TreeMap<>());
                NavigableMap<Long, Long> chain = changes.getOrDefault(line.sku(), new TreeMap<>());
                boolean changed = !regional.subMap(sale.pricesSeq(), false, hqSeq, true).isEmpty()
                        || !chain.subMap(sale.pricesSeq(), false, hqSeq, true).isEmpty();
                if (!changed) {
                    continue;
                }
                Long hqPrice = priceAt(line.sku(), region, hqSeq, regional, chain);
                stale.add(new StalePrice(sale.saleId(), sale.lane(), sale.receiptNo(), line.lineNo(), line.sku(),
                        sale.pricesSeq(), hqSeq, line.unitPriceMinor(), hqPrice, line.quantity(),
                        hqPrice == null ? null : (hqPrice - line.unitPriceMinor()) * line.quantity()));
            }
        }
        return stale;
    }

    /** HQ's price of {@code sku} for the region at feed position {@code seq}: regional, else chain. */
    private static Long priceAt(String sku, String region, long seq, NavigableMap<Long, Long> regional,
            NavigableMap<Long, Long> chain) {
        Map.Entry<Long, Long> regionalThen = regional.floorEntry(seq);
        if (regionalThen != null && regionalThen.getValue() != null) {
            return regionalThen.getValue();
        }
        if (regionalThen == null && !regional.isEmpty()) {
            return null; // it changed later, and what it was before is past retention
        }
        if (regionalThen == null && region != null) {
            RegionPrice current = RegionPrice.findById(new RegionPrice.Key(sku, region));
            if (current != null) {
                return current.priceMinor;
            }
        }
        Map.Entry<Long, Long> chainThen = chain.floorEntry(seq);
        if (chainThen != null) {
            return chainThen.getValue();
        }
        if (!chain.isEmpty()) {
            return null;
        }
        Product product = Product.findById(sku);
        return product == null ? null : product.priceMinor;
    }

    /**
     * Every chain and regional price delta after {@code from}, by key (SKU, or SKU@region) and feed
     * position; a removed regional price maps to {@code null}.
     */
    private Map<String, NavigableMap<Long, Long>> changesAfter(long from, String region) {
        Map<String, NavigableMap<Long, Long>> changes = new HashMap<>();
        List<Object[]> rows = entities.createQuery("select o.seq, o.schemaId, o.payload from OutboxEntry o "
                + "where o.feed = 'prices' and o.seq > ?1 and o.schemaId in (?2, ?3) order by o.seq", Object[].class)
                .setParameter(1, from).setParameter(2, MessageSchema.CHAIN_PRICE.id())
                .setParameter(3, MessageSchema.REGIONAL_PRICE.id()).getResultList();
        for (Object[] row : rows) {
            long seq = (Long) row[0];
            if (MessageSchema.CHAIN_PRICE.id().equals(row[1])) {
                ChainPrice price = read((String) row[2], ChainPrice.class);
                changes.computeIfAbsent(price.sku(), k -> new TreeMap<>()).put(seq, price.priceMinor());
            } else {
                RegionalPrice price = read((String) row[2], RegionalPrice.class);
                if (price.region().equals(region)) {
                    changes.computeIfAbsent(regionalKey(price.sku(), region), k -> new TreeMap<>())
                            .put(seq, price.removed() ? null : price.priceMinor());
                }
            }
        }
        return changes;
    }

    /** HQ's prices feed position at {@code at}: the last delta written by then (binary search by time). */
    private static long hqSeqAt(List<Object[]> timeline, Instant at) {
        int low = 0;
        int high = timeline.size() - 1;
        long seq = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (((Instant) timeline.get(middle)[1]).isAfter(at)) {
                high = middle - 1;
            } else {
                seq = (Long) timeline.get(middle)[0];
                low = middle + 1;
            }
        }
        return seq;
    }

    private static String regionalKey(String sku, String region) {
        return sku + "@" + region;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return codec.readPayload(json, type);
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("a stored payload is unreadable", e);
        }
    }
}
