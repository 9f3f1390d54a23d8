package io.chainretail.hq.csv;

import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.feed.FeedRows;
import io.chainretail.hq.jdbc.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exports products, prices and members in the exact format their import reads, so a file round-trips. */
@ApplicationScoped
public class CsvExport {

    private final FeedRows feedRows;
    private final BulkSql sql;

    public CsvExport(FeedRows feedRows, EntityManager entities) {
        this.feedRows = feedRows;
        this.sql = new BulkSql(entities);
    }

    @Transactional
    public String products() {
        Map<String, ChainPrice> prices = new HashMap<>();
        feedRows.chainPrices().forEach(p -> prices.put(p.sku(), p));
        CsvWriter csv = new CsvWriter().row(columns(ProductImport.REQUIRED, ProductImport.OPTIONAL));
        List<ProductChange> products = new ArrayList<>(feedRows.products());
        products.sort(Comparator.comparing(ProductChange::sku));
        for (ProductChange p : products) {
            ChainPrice price = prices.get(p.sku());
            csv.row(Arrays.asList(p.sku(), p.name(), price.priceMinor(), String.join("|", p.barcodes()),
                    price.currency(), p.category(), p.brand(), p.taxClass(), p.measure(), p.plu(), p.active()));
        }
        return csv.toString();
    }

    @Transactional
    public String prices() {
        CsvWriter csv = new CsvWriter().row(columns(PriceImport.REQUIRED, PriceImport.OPTIONAL));
        for (Object[] row : sql.rows("select sku, price_minor, null, null, currency from product order by sku")) {
            csv.row(Arrays.asList(row));
        }
        for (Object[] row : sql.rows("select sku, price_minor, region, null, currency from regional_price "
                + "order by sku, region")) {
            csv.row(Arrays.asList(row));
        }
        for (Object[] row : sql.rows("select sku, price_minor, null, tier, currency from tier_price "
                + "order by sku, tier")) {
            csv.row(Arrays.asList(row));
        }
        return csv.toString();
    }

    @Transactional
    public String members() {
        CsvWriter csv = new CsvWriter().row(columns(MemberImport.REQUIRED, MemberImport.OPTIONAL));
        for (Object[] row : sql.rows("select card_no, name, tier, phone, points_balance, offline_redeem_limit, "
                + "active from member order by card_no")) {
            csv.row(Arrays.asList(row));
        }
        return csv.toString();
    }

    private static List<String> columns(List<String> required, List<String> optional) {
        List<String> columns = new ArrayList<>(required);
        columns.addAll(optional);
        return columns;
    }
}
