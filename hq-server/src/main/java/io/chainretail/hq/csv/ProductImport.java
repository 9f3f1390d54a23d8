package io.chainretail.hq.csv;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.catalog.ScaleLabels;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.feed.FeedRows;
import io.chainretail.hq.jdbc.BulkSql;
import io.chainretail.hq.pricing.ChainCurrency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports products from CSV in one transaction: every row is checked first (the same rules as the
 * API, plus references and uniqueness across the file and HQ), and only a file without problems is
 * stored; rows equal to what HQ has change nothing and publish nothing.
 */
@ApplicationScoped
public class ProductImport {

    public static final List<String> REQUIRED = List.of("sku", "name", "price_minor");
    public static final List<String> OPTIONAL = List.of("barcodes", "currency", "category", "brand", "tax_class",
            "measure", "plu", "active");

    private final FeedRows feedRows;
    private final FeedOutbox outbox;
    private final ScaleLabels scaleLabels;
    private final BulkSql sql;

    public ProductImport(FeedRows feedRows, FeedOutbox outbox, ScaleLabels scaleLabels, EntityManager entities) {
        this.feedRows = feedRows;
        this.outbox = outbox;
        this.scaleLabels = scaleLabels;
        this.sql = new BulkSql(entities);
    }

    /** A checked row. */
    private record Row(int line, ProductChange product, ChainPrice price) {
    }

    @Transactional
    public ImportResult importCsv(Reader csv) throws IOException {
        long started = System.nanoTime();
        CsvTable table = CsvTable.read(csv, REQUIRED, OPTIONAL);
        CsvProblems problems = table.problems();
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Line line : table.lines()) {
            Row row = problems.collect(line.number(), () -> {
                Row parsed = parse(line);
                scaleLabels.refuseAsBarcodes(parsed.product().barcodes());
                return parsed;
            });
            if (row != null) {
                rows.add(row);
            }
        }
        Map<String, ProductChange> products = new HashMap<>();
        feedRows.products().forEach(p -> products.put(p.sku(), p));
        Map<String, ChainPrice> prices = new HashMap<>();
        feedRows.chainPrices().forEach(p -> prices.put(p.sku(), p));
        checkAgainstHq(rows, products, problems);
        problems.refuseIfAny();

        List<Row> changed = rows.stream().filter(r -> !r.product().equals(products.get(r.product().sku()))
                || !r.price().equals(prices.get(r.product().sku()))).toList();
        write(changed, products.keySet());
        List<FeedRecord> deltas = new ArrayList<>();
        for (Row row : changed) {
            if (!row.product().equals(products.get(row.product().sku()))) {
                deltas.add(row.product());
            }
            if (!row.price().equals(prices.get(row.product().sku()))) {
                deltas.add(row.price());
            }
        }
        outbox.appendAll(deltas);
        return new ImportResult(rows.size(), changed.size(), deltas.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Row parse(CsvTable.Line line) {
        String barcodes = line.get("barcodes");
        String measure = line.get("measure");
        Measure kind;
        try {
            kind = measure == null ? Measure.UNIT : Measure.valueOf(measure.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("measure", "must be UNIT or WEIGHT");
        }
        ProductChange product = new ProductChange(line.get("sku"), line.get("name"),
                barcodes == null ? List.of() : Arrays.stream(barcodes.split("[|;\\s]+")).filter(b -> !b.isEmpty())
                        .toList(), line.flag("active", true), line.get("category"), line.get("brand"),
                line.get("tax_class") == null ? "STD" : line.get("tax_class"), kind, line.get("plu"));
        Long price = line.number("price_minor");
        Fields.require(price != null, "priceMinor", "is required");
        String currency = line.get("currency");
        return new Row(line.number(), product, new ChainPrice(product.sku(), price,
                ChainCurrency.of(currency)));
    }

    /** References exist; SKUs, barcodes and PLUs are unique in the file and against HQ's other products. */
    private void checkAgainstHq(List<Row> rows, Map<String, ProductChange> products, CsvProblems problems) {
        Set<String> taxClasses = new HashSet<>(sql.column("select code from tax_class"));
        Set<String> categories = new HashSet<>(sql.column("select code from category"));
        Set<String> brands = new HashSet<>(sql.column("select code from brand"));
        Map<String, Integer> skuLines = new HashMap<>();
        for (Row row : rows) {
            Integer earlier = skuLines.putIfAbsent(row.product().sku(), row.line());
            if (earlier != null) {
                problems.add(row.line(), "sku", "SKU " + row.product().sku() + " is also on line " + earlier);
            }
        }
        Map<String, String> barcodeOwners = new HashMap<>();
        Map<String, String> pluOwners = new HashMap<>();
        for (ProductChange product : products.values()) {
            if (!skuLines.containsKey(product.sku())) {
                product.barcodes().forEach(b -> barcodeOwners.put(b, product.sku()));
                if (product.plu() != null) {
                    pluOwners.put(product.plu(), product.sku());
                }
            }
        }
        for (Row row : rows) {
            ProductChange product = row.product();
            reference(taxClasses, product.taxClass(), row.line(), "tax_class", "tax class", problems);
            reference(categories, product.category(), row.line(), "category", "category", problems);
            reference(brands, product.brand(), row.line(), "brand", "brand", problems);
            for (String barcode : product.barcodes()) {
                String owner = barcodeOwners.putIfAbsent(barcode, product.sku());
                if (owner != null && !owner.equals(product.sku())) {
                    problems.add(row.line(), "barcodes", "barcode " + barcode + " already belongs to product "
                            + owner);
                }
            }
            if (product.plu() != null) {
                String owner = pluOwners.putIfAbsent(product.plu(), product.sku());
                if (owner != null && !owner.equals(product.sku())) {
                    problems.add(row.line(), "plu", "PLU " + product.plu() + " already belongs to product " + owner);
                }
            }
        }
    }

    private static void reference(Set<String> known, String code, int line, String column, String what,
            CsvProblems problems) {
        if (code != null && !known.contains(code)) {
            problems.add(line, column, "there is no " + what + " '" + code + "'; create it first");
        }
    }

    /**
     * Inserts new products and updates changed ones. Barcodes and PLUs of changed products are cleared
     * first, so one that moves between two products of the file never meets itself.
     */
    private void write(List<Row> changed, Set<String> existing) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> updates = changed.stream().filter(r -> existing.contains(r.product().sku())).toList();
        List<Row> inserts = changed.stream().filter(r -> !existing.contains(r.product().sku())).toList();
        sql.run("delete from product_barcode where sku = ?", updates, (s, r) -> s.setString(1, r.product().sku()));
        sql.run("update product set plu = null where sku = ?", updates, (s, r) -> s.setString(1, r.product().sku()));
        sql.run("update product set name = ?, active = ?, category = ?, brand = ?, tax_class = ?, measure = ?, "
                + "plu = ?, price_minor = ?, currency = ?, updated_at = ? where sku = ?", updates, (s, r) -> {
                    bindProduct(s, r, now);
                    s.setString(11, r.product().sku());
                });
        sql.run("insert into product (name, active, category, brand, tax_class, measure, plu, price_minor, "
                + "currency, updated_at, sku) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts, (s, r) -> {
                    bindProduct(s, r, now);
                    s.setString(11, r.product().sku());
                });
        List<String[]> barcodes = new ArrayList<>();
        for (Row row : changed) {
            row.product().barcodes().forEach(b -> barcodes.add(new String[] {b, row.product().sku()}));
        }
        sql.run("insert into product_barcode (barcode, sku) values (?, ?)", barcodes, (s, b) -> {
            s.setString(1, b[0]);
            s.setString(2, b[1]);
        });
    }

    private static void bindProduct(PreparedStatement s, Row r, Timestamp now) throws SQLException {
        ProductChange p = r.product();
        s.setString(1, p.name());
        s.setBoolean(2, p.active());
        BulkSql.text(s, 3, p.category());
        BulkSql.text(s, 4, p.brand());
        s.setString(5, p.taxClass());
        s.setString(6, p.measure().name());
        BulkSql.text(s, 7, p.plu());
        s.setLong(8, r.price().priceMinor());
        s.setString(9, r.price().currency());
        s.setTimestamp(10, now);
    }
}
