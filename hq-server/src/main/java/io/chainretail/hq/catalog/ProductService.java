package io.chainretail.hq.catalog;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.LikePatterns;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns the catalog: every change is validated, stored and written to the outbox in one transaction,
 * so stores see exactly what HQ committed.
 */
@ApplicationScoped
public class ProductService {

    /** The most matches of a search sorted here rather than by the database (see {@link #search}). */
    static final int SORTED_HERE = 1_000;

    private final FeedOutbox outbox;
    private final ScaleLabels scaleLabels;

    public ProductService(FeedOutbox outbox, ScaleLabels scaleLabels) {
        this.outbox = outbox;
        this.scaleLabels = scaleLabels;
    }

    @Transactional
    public Optional<ProductView> find(String sku) {
        return Product.<Product>findByIdOptional(sku).map(ProductView::of);
    }

    @Transactional
    public List<ProductView> page(int page, int size) {
        return Product.<Product>findAll(Sort.by("sku")).page(page, size).list().stream()
                .map(ProductView::of).toList();
    }

    /**
     * Products whose SKU starts with, or whose name contains, {@code text} (any case), or with that barcode, by
     * SKU. A name that contains the text can be anywhere, so every product is read: in the table's own order,
     * which is several times cheaper than in SKU order through the SKU index (a lookup of the row for every entry),
     * and the matches sorted here. A search matching more than {@value #SORTED_HERE} products is ordered by the
     * database instead: its pages are found in the first part of the SKU index.
     */
    @Transactional
    public List<ProductView> search(String text, int page, int size) {
        String barcodeOf = ProductBarcode.<ProductBarcode>findByIdOptional(text.trim()).map(b -> b.product.sku)
                .orElse("");
        String where = "lower(sku) like ?1 escape '\\' or lower(name) like ?2 escape '\\' or sku = ?3";
        Object[] parameters = {LikePatterns.startingWith(text), LikePatterns.containing(text), barcodeOf};
        TypedQuery<String> skus = Product.getEntityManager().createQuery("select sku from Product where " + where,
                String.class).setMaxResults(SORTED_HERE + 1);
        for (int i = 0; i < parameters.length; i++) {
            skus.setParameter(i + 1, parameters[i]);
        }
        List<String> matches = skus.getResultList();
        if (matches.size() > SORTED_HERE) {
            return Product.<Product>find(where, Sort.by("sku"), parameters).page(page, size).list().stream()
                    .map(ProductView::of).toList();
        }
        List<String> onPage = matches.stream().sorted().skip((long) page * size).limit(size).toList();
        // In the order the page was cut in: the database's collation may sort SKUs otherwise.
        return onPage.isEmpty() ? List.of() : Product.<Product>list("sku in ?1", onPage).stream()
                .sorted(Comparator.comparing((Product product) -> product.sku)).map(ProductView::of).toList();
    }

    /** Creates a new product; 409 {@code SKU_EXISTS} if the SKU is taken (replacing one is {@link #save}). */
    @Transactional
    public ProductView create(ProductInput input) {
        if (input != null && input.sku() != null && Product.findById(input.sku()) != null) {
            throw Refusal.of(ErrorCode.SKU_EXISTS, "Product " + input.sku() + " exists already: change it with PUT "
                    + "/api/products/" + input.sku() + ".");
        }
        return save(input);
    }

    /** Creates the product or replaces it whole; publishes a catalog delta and, if changed, a price delta. */
    @Transactional
    public ProductView save(ProductInput input) {
        ProductChange change = input.toChange();
        ChainPrice price = input.toChainPrice();
        scaleLabels.refuseAsBarcodes(change.barcodes());
        References.require(TaxClass.class, change.taxClass(), "taxClass", "tax class", ErrorCode.UNKNOWN_TAX_CLASS);
        References.require(Category.class, change.category(), "category", "category", ErrorCode.UNKNOWN_CATEGORY);
        References.require(Brand.class, change.brand(), "brand", "brand", ErrorCode.UNKNOWN_BRAND);
        Product product = Product.findById(change.sku());
        boolean created = product == null;
        if (created) {
            product = new Product();
            product.sku = change.sku();
        }
        refuseTakenCodes(change);
        boolean priceChanged = created || !price.equals(product.toChainPrice());
        product.name = change.name();
        product.active = change.active();
        product.category = change.category();
        product.brand = change.brand();
        product.taxClass = change.taxClass();
        product.measure = change.measure();
        product.plu = change.plu();
        product.priceMinor = price.priceMinor();
        product.currency = price.currency();
        product.updatedAt = Instant.now();
        Product owner = product;
        product.barcodes.removeIf(b -> !change.barcodes().contains(b.barcode));
        Set<String> kept = Set.copyOf(product.barcodeList());
        for (String barcode : change.barcodes()) {
            if (!kept.contains(barcode)) {
                ProductBarcode row = new ProductBarcode();
                row.barcode = barcode;
                row.product = owner;
                product.barcodes.add(row);
            }
        }
        if (created) {
            product.persist();
        }
        outbox.append(product.toChange());
        if (priceChanged) {
            outbox.append(price);
        }
        return ProductView.of(product);
    }

    /** A barcode or PLU identifies one product only. */
    private static void refuseTakenCodes(ProductChange change) {
        for (int i = 0; i < change.barcodes().size(); i++) {
            String barcode = change.barcodes().get(i);
            ProductBarcode owner = ProductBarcode.findById(barcode);
            if (owner != null && !owner.product.sku.equals(change.sku())) {
                throw Refusal.of(ErrorCode.BARCODE_IN_USE, "barcodes",
                        "barcode " + barcode + " already belongs to product " + owner.product.sku);
            }
        }
        if (change.plu() != null) {
            Product owner = Product.find("plu", change.plu()).firstResult();
            if (owner != null && !owner.sku.equals(change.sku())) {
                throw Refusal.of(ErrorCode.PLU_IN_USE, "plu",
                        "PLU " + change.plu() + " already belongs to product " + owner.sku);
            }
        }
    }
}
