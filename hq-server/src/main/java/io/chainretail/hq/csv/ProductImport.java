package io.chainretail.hq.csv;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.InvalidField;
import io.chainretail.core.sync.FeedRecord;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.catalog.ScaleLabels;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.jdbc.BulkSql;
import io.chainretail.hq.pricing.ChainCurrency;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
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
 * stored; rows equal to what HQ has change nothing and publish nothing. Memory grows with the file's
 * checked rows only: the file is read as it arrives, and HQ's catalog is read as keys (barcodes, PLUs)
 * and, for the comparison, a thousand products at a time.
 */
@ApplicationScoped
public class ProductImport {

    public static final List<String> REQUIRED = List.of("sku", "name", "price_minor");
    public static final List<String> OPTIONAL = List.of("barcodes", "currency", "category", "brand", "tax_class",
            "measure", "plu", "active");

    private final FeedOutbox outbox;
    private final ScaleLabels scaleLabels;
    private final BulkSql sql;

    public ProductImport(FeedOutbox outbox, ScaleLabels scaleLabels, EntityManager entities) {
        this.outbox = outbox;
        this.scaleLabels = scaleLabels;
        this.sql = new BulkSql(entities);
    }

    /** A checked row. */
    private record Row(int line, ProductChange product, ChainPrice price) {
    }

    /** A row that changes HQ: a new product or an update, and which of its two deltas it publishes. */
    private record Change(Row row, boolean update, boolean productChanged, boolean priceChanged) {
    }

    /** How many of the file's products are compared with HQ's at a time. */
    private static final int CHUNK = 1_000;

    @Transactional
    @TransactionConfiguration(timeout = CsvImports.TIMEOUT_SECONDS)
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
        checkAgainstHq(rows, problems);
        problems.refuseIfAny();

        List<Change> changes = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            changes.addAll(compareWithHq(rows.subList(from, Math.min(rows.size(), from + CHUNK))));
        }
        write(changes);
        List<FeedRecord> deltas = new ArrayList<>();
        for (Change change : changes) {
            if (change.productChanged()) {
                deltas.add(change.row().product());
            }
            if (change.priceChanged()) {
                deltas.add(change.row().price());
            }
        }
        outbox.appendAll(deltas);
        return new ImportResult(rows.size(), changes.size(), deltas.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The rows that differ from what HQ has, read from HQ by their SKUs: HQ's catalog is never held whole, only
     * the products of the file, a chunk at a time.
     */
    private List<Change> compareWithHq(List<Row> rows) {
        Map<String, ProductChange> products = new HashMap<>();
        Map<String, ChainPrice> prices = new HashMap<>();
        Map<String, List<String>> barcodes = new HashMap<>();
        List<String> skus = rows.stream().map(r -> r.product().sku()).toList();
        for (Object[] row : sql.rowsMatching("select sku, barcode from product_barcode where sku = any(?) "
                + "order by sku, barcode", skus)) {
            barcodes.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        for (Object[] row : sql.rowsMatching("select sku, name, active, category, brand, tax_class, measure, plu, "
                + "price_minor, currency from product where sku = any(?)", skus)) {
            String sku = (String) row[0];
            products.put(sku, new ProductChange(sku, (String) row[1], barcodes.getOrDefault(sku, List.of()),
                    (Boolean) row[2], (String) row[3], (String) row[4], (String) row[5],
                    Measure.valueOf((String) row[6]), (String) row[7]));
            prices.put(sku, new ChainPrice(sku, ((Number) row[8]).longValue(), (String) row[9]));
        }
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            String sku = row.product().sku();
            boolean productChanged = !row.product().equals(products.get(sku));
            boolean priceChanged = !row.price().equals(prices.get(sku));
            if (productChanged || priceChanged) {
                changes.add(new Change(row, products.containsKey(sku), productChanged, priceChanged));
            }
        }
        return changes;
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

    /**
     * References exist; SKUs, barcodes and PLUs are unique in the file and against HQ's other products (read as
     * keys only: a barcode or PLU of a product in the file is the file's to give).
     */
    private void checkAgainstHq(List<Row> rows, CsvProblems problems) {
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
        Map<String, String> barcodeOwners = othersOwners("select barcode, sku from product_barcode", skuLines);
        Map<String, String> pluOwners = othersOwners("select plu, sku from product where plu is not null",
                skuLines);
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

    /** Each key of {@code query} (key, SKU) owned by a product that is not in the file. */
    private Map<String, String> othersOwners(String query, Map<String, Integer> skusInFile) {
        Map<String, String> owners = new HashMap<>();
        sql.eachRow(query, row -> {
            if (!skusInFile.containsKey(row.getString(2))) {
                owners.put(row.getString(1), row.getString(2));
            }
        });
        return owners;
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
    private void write(List<Change> changes) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> updates = changes.stream().filter(Change::update).map(Change::row).toList();
        List<Row> inserts = changes.stream().filter(c -> !c.update()).map(Change::row).toList();
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
        for (Change change : changes) {
            ProductChange product = change.row().product();
            product.barcodes().forEach(b -> barcodes.add(new String[] {b, product.sku()}));
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
