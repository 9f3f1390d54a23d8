package io.chainretail.hq.feed;

import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.catalog.Brand;
import io.chainretail.hq.catalog.Category;
import io.chainretail.hq.catalog.TaxClass;
import io.chainretail.hq.members.Member;
import io.chainretail.hq.pricing.PriceBoundsEntry;
import io.chainretail.hq.pricing.RegionPrice;
import io.chainretail.hq.pricing.TierPriceEntry;
import io.chainretail.hq.promotions.PromotionService;
import io.chainretail.hq.promotions.StoredPromotion;
import io.chainretail.hq.store.Store;
import io.chainretail.hq.store.StoreService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of a feed as HQ has it now, as the records its deltas carry: what a snapshot sends and
 * what HQ's replica hash is computed over. Products are read with plain SQL, since a snapshot of a
 * large catalog should not load 100,000 managed entities.
 */
@ApplicationScoped
public class FeedRows {

    private final EntityManager entities;
    private final StoreService stores;
    private final PromotionService promotions;

    public FeedRows(EntityManager entities, StoreService stores, PromotionService promotions) {
        this.entities = entities;
        this.stores = stores;
        this.promotions = promotions;
    }

    /** The feed's rows; call in the transaction that read the feed's sequence, so both match. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedRecord> rows(String feed) {
        List<FeedRecord> rows = new ArrayList<>();
        switch (feed) {
            case Feeds.CATALOG -> {
                TaxClass.<TaxClass>listAll().forEach(t -> rows.add(t.toRecord()));
                Category.<Category>listAll().forEach(c -> rows.add(c.toRecord()));
                Brand.<Brand>listAll().forEach(b -> rows.add(b.toRecord()));
                Store.<Store>listAll().forEach(s -> rows.add(stores.toRecord(s)));
                rows.addAll(products());
            }
            case Feeds.PRICES -> {
                rows.addAll(chainPrices());
                RegionPrice.<RegionPrice>listAll().forEach(p -> rows.add(p.toRecord()));
                TierPriceEntry.<TierPriceEntry>listAll().forEach(p -> rows.add(p.toRecord()));
                PriceBoundsEntry.<PriceBoundsEntry>listAll().forEach(b -> rows.add(b.toRecord()));
            }
            case Feeds.MEMBERS -> Member.<Member>listAll().forEach(m -> rows.add(m.toRecord()));
            case Feeds.PROMOTIONS -> StoredPromotion.<StoredPromotion>listAll()
                    .forEach(p -> rows.add(promotions.read(p)));
            default -> throw new IllegalArgumentException("unknown feed " + feed);
        }
        return rows;
    }

    /** How many rows the feed has: a snapshot of it is this big. */
    @Transactional
    public long count(String feed) {
        return switch (feed) {
            case Feeds.CATALOG -> rowsIn("tax_class") + rowsIn("category") + rowsIn("brand") + rowsIn("store")
                    + rowsIn("product");
            case Feeds.PRICES -> rowsIn("product") + rowsIn("regional_price") + rowsIn("tier_price")
                    + rowsIn("price_bounds");
            case Feeds.MEMBERS -> rowsIn("member");
            case Feeds.PROMOTIONS -> rowsIn("promotion");
            default -> throw new IllegalArgumentException("unknown feed " + feed);
        };
    }

    /** Every product as the catalog feed carries it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ProductChange> products() {
        Map<String, List<String>> barcodes = new HashMap<>();
        for (Object[] row : sql("select sku, barcode from product_barcode")) {
            barcodes.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        List<ProductChange> products = new ArrayList<>();
        for (Object[] row : sql("select sku, name, active, category, brand, tax_class, measure, plu from product")) {
            String sku = (String) row[0];
            products.add(new ProductChange(sku, (String) row[1], barcodes.getOrDefault(sku, List.of()),
                    (Boolean) row[2], (String) row[3], (String) row[4], (String) row[5],
                    Measure.valueOf((String) row[6]), (String) row[7]));
        }
        return products;
    }

    /** Every product's chain price. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChainPrice> chainPrices() {
        List<ChainPrice> prices = new ArrayList<>();
        for (Object[] row : sql("select sku, price_minor, currency from product")) {
            prices.add(new ChainPrice((String) row[0], ((Number) row[1]).longValue(), (String) row[2]));
        }
        return prices;
    }

    private long rowsIn(String table) {
        return ((Number) entities.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> sql(String query) {
        return entities.createNativeQuery(query).getResultList();
    }
}
