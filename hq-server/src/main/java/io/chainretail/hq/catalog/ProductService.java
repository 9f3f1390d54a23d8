package io.chainretail.hq.catalog;

import io.quarkus.panache.common.Sort;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.hq.feed.FeedOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns the catalog: every change is validated, stored and written to the outbox in one transaction,
 * so stores see exactly what HQ committed.
 */
@ApplicationScoped
public class ProductService {

    /** The currency of products created without one. */
    public static final String DEFAULT_CURRENCY = "CNY";

    private final FeedOutbox outbox;

    public ProductService(FeedOutbox outbox) {
        this.outbox = outbox;
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

    /** Creates the product or replaces it whole; publishes a catalog delta and, if changed, a price delta. */
    @Transactional
    public ProductView save(ProductInput input) {
        Set<String> barcodes = validBarcodes(input.barcodes());
        Product product = Product.findById(input.sku());
        boolean created = product == null;
        if (created) {
            product = new Product();
            product.sku = input.sku();
        }
        String currency = input.currency() == null ? DEFAULT_CURRENCY : input.currency();
        for (String barcode : barcodes) {
            ProductBarcode owner = ProductBarcode.findById(barcode);
            if (owner != null && !owner.product.sku.equals(product.sku)) {
                throw Refusal.conflict("BARCODE_IN_USE",
                        "barcode " + barcode + " already belongs to product " + owner.product.sku);
            }
        }
        boolean priceChanged = created || product.priceMinor != input.priceMinor()
                || !currency.equals(product.currency);
        product.name = input.name().strip();
        product.active = input.active() == null || input.active();
        product.priceMinor = input.priceMinor();
        product.currency = currency;
        product.updatedAt = Instant.now();
        Product owner = product;
        product.barcodes.removeIf(b -> !barcodes.contains(b.barcode));
        Set<String> kept = Set.copyOf(product.barcodeList());
        for (String barcode : barcodes) {
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
        outbox.append(MessageSchema.PRODUCT, new ProductChange(product.sku, product.name, product.barcodeList(),
                product.active));
        if (priceChanged) {
            outbox.append(MessageSchema.CHAIN_PRICE, new ChainPrice(product.sku, product.priceMinor, currency));
        }
        return ProductView.of(product);
    }

    private static Set<String> validBarcodes(List<String> barcodes) {
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < barcodes.size(); i++) {
            String barcode = barcodes.get(i).strip();
            String problem = Gtin.problem(barcode);
            if (problem != null) {
                throw Refusal.badField("INVALID_GTIN", "barcodes[" + i + "]", problem);
            }
            unique.add(barcode);
        }
        return unique;
    }
}
