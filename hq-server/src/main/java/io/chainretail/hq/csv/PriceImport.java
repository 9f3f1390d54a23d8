package io.chainretail.hq.csv;

import io.chainretail.core.error.Fields;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.TierPrice;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.jdbc.BulkSql;
import io.chainretail.hq.pricing.ChainCurrency;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports prices from CSV in one transaction: a row with neither region nor tier is the chain price,
 * one with a region is that region's price, one with a tier is that member tier's price. All rows are
 * checked before anything is stored; unchanged prices publish nothing. HQ's prices are read a thousand
 * products at a time, never all at once.
 */
@ApplicationScoped
public class PriceImport {

    public static final List<String> REQUIRED = List.of("sku", "price_minor");
    public static final List<String> OPTIONAL = List.of("region", "tier", "currency");

    private final FeedOutbox outbox;
    private final BulkSql sql;

    public PriceImport(FeedOutbox outbox, EntityManager entities) {
        this.outbox = outbox;
        this.sql = new BulkSql(entities);
    }

    /** How many of the file's prices are checked and compared with HQ's at a time. */
    private static final int CHUNK = 1_000;

    /** A checked row and the line it came from. */
    private record Row(int line, String sku, FeedRecord price) {
    }

    @Transactional
    @TransactionConfiguration(timeout = CsvImports.TIMEOUT_SECONDS)
    public ImportResult importCsv(Reader csv) throws IOException {
        long started = System.nanoTime();
        CsvTable table = CsvTable.read(csv, REQUIRED, OPTIONAL);
        CsvProblems problems = table.problems();
        Set<String> regions = new HashSet<>(sql.column("select code from region"));
        Set<String> tiers = new HashSet<>(sql.column("select code from member_tier"));
        Map<String, Integer> keyLines = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Line line : table.lines()) {
            FeedRecord row = problems.collect(line.number(), () -> parse(line));
            if (row == null) {
                continue;
            }
            if (row instanceof RegionalPrice regional && !regions.contains(regional.region())) {
                problems.add(line.number(), "region", "there is no region '" + regional.region() + "'");
            } else if (row instanceof TierPrice tier && !tiers.contains(tier.tier())) {
                problems.add(line.number(), "tier", "there is no member tier '" + tier.tier() + "'");
            } else {
                Integer earlier = keyLines.putIfAbsent(row.getClass().getSimpleName() + row.key(), line.number());
                if (earlier != null) {
                    problems.add(line.number(), "sku", "the same price is also on line " + earlier);
                } else {
                    rows.add(new Row(line.number(), line.get("sku"), row));
                }
            }
        }
        for (List<Row> chunk : chunks(rows)) {
            Set<String> known = new HashSet<>(sql.matching("select sku from product where sku = any(?)", skus(chunk)));
            chunk.stream().filter(r -> !known.contains(r.sku())).forEach(r -> problems.add(r.line(), "sku",
                    "there is no product '" + r.sku() + "'; import products first"));
        }
        problems.refuseIfAny();

        List<FeedRecord> changed = new ArrayList<>();
        for (List<Row> chunk : chunks(rows)) {
            Set<FeedRecord> current = current(skus(chunk));
            chunk.stream().map(Row::price).filter(p -> !current.contains(p)).forEach(changed::add);
        }
        write(changed);
        outbox.appendAll(changed);
        return new ImportResult(rows.size(), changed.size(), changed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<List<Row>> chunks(List<Row> rows) {
        List<List<Row>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static List<String> skus(List<Row> rows) {
        return rows.stream().map(Row::sku).distinct().toList();
    }

    private static FeedRecord parse(CsvTable.Line line) {
        String sku = line.get("sku");
        Long price = line.number("price_minor");
        Fields.require(price != null, "priceMinor", "is required");
        String currency = ChainCurrency.of(line.get("currency"));
        String region = line.get("region");
        String tier = line.get("tier");
        Fields.require(region == null || tier == null, "tier", "a price is for a region or a tier, not both");
        if (region != null) {
            return new RegionalPrice(sku, region, price, currency, false);
        }
        if (tier != null) {
            return new TierPrice(sku, tier, price, currency, false);
        }
        return new ChainPrice(sku, price, currency);
    }

    /** HQ's chain, regional and tier prices of these products. */
    private Set<FeedRecord> current(List<String> skus) {
        Set<FeedRecord> prices = new HashSet<>();
        for (Object[] row : sql.rowsMatching("select sku, price_minor, currency from product where sku = any(?)",
                skus)) {
            prices.add(new ChainPrice((String) row[0], ((Number) row[1]).longValue(), (String) row[2]));
        }
        for (Object[] row : sql.rowsMatching("select sku, region, price_minor, currency from regional_price "
                + "where sku = any(?)", skus)) {
            prices.add(new RegionalPrice((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                    (String) row[3], false));
        }
        for (Object[] row : sql.rowsMatching("select sku, tier, price_minor, currency from tier_price "
                + "where sku = any(?)", skus)) {
            prices.add(new TierPrice((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                    (String) row[3], false));
        }
        return prices;
    }

    private void write(List<FeedRecord> changed) {
        List<ChainPrice> chain = new ArrayList<>();
        List<RegionalPrice> regional = new ArrayList<>();
        List<TierPrice> tier = new ArrayList<>();
        for (FeedRecord row : changed) {
            if (row instanceof ChainPrice p) {
                chain.add(p);
            } else if (row instanceof RegionalPrice p) {
                regional.add(p);
            } else if (row instanceof TierPrice p) {
                tier.add(p);
            }
        }
        sql.run("update product set price_minor = ?, currency = ? where sku = ?", chain, (s, p) -> {
            s.setLong(1, p.priceMinor());
            s.setString(2, p.currency());
            s.setString(3, p.sku());
        });
        sql.run("delete from regional_price where sku = ? and region = ?", regional, (s, p) -> {
            s.setString(1, p.sku());
            s.setString(2, p.region());
        });
        sql.run("insert into regional_price (sku, region, price_minor, currency) values (?, ?, ?, ?)", regional,
                (s, p) -> {
                    s.setString(1, p.sku());
                    s.setString(2, p.region());
                    s.setLong(3, p.priceMinor());
                    s.setString(4, p.currency());
                });
        sql.run("delete from tier_price where sku = ? and tier = ?", tier, (s, p) -> {
            s.setString(1, p.sku());
            s.setString(2, p.tier());
        });
        sql.run("insert into tier_price (sku, tier, price_minor, currency) values (?, ?, ?, ?)", tier, (s, p) -> {
            s.setString(1, p.sku());
            s.setString(2, p.tier());
            s.setLong(3, p.priceMinor());
            s.setString(4, p.currency());
        });
    }
}
