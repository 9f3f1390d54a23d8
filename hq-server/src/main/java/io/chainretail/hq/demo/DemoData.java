package io.chainretail.hq.demo;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.catalog.ProductInput;
import io.chainretail.hq.catalog.ProductService;
import io.chainretail.hq.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * Fills an empty HQ with demo stores and a catalog of valid EAN-13 products, through the same
 * service (and so the same outbox) as any other change. Off unless {@code hq.demo.products} is set.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String[] NAMES = {
        "矿泉水 550ml", "Sparkling Water 1L", "绿茶 500ml", "Orange Juice 1L", "牛奶 1L", "Yoghurt Plain 500g",
        "方便面 五连包", "Spaghetti 500g", "大米 5kg", "Basmati Rice 1kg", "酱油 500ml", "Olive Oil 750ml",
        "薯片 原味 70g", "Dark Chocolate 100g", "饼干 200g", "Coffee Beans 250g", "洗发水 400ml", "Toothpaste 120g",
        "纸巾 10包", "Dish Soap 900ml",
    };
    private static final long[] PRICES = {150, 390, 350, 1290, 1190, 690, 1250, 399, 3990, 899, 850, 5990, 690,
        1490, 590, 4990, 3590, 1290, 1990, 1590};
    private static final int CHUNK = 500;

    private final HqConfig config;
    private final ProductService products;

    public DemoData(HqConfig config, ProductService products) {
        this.config = config;
        this.products = products;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        config.demo().stores().ifPresent(this::createStores);
        int count = config.demo().products();
        if (count <= 0 || QuarkusTransaction.requiringNew().call(() -> Product.count()) > 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(42);
        for (int from = 0; from < count; from += CHUNK) {
            int start = from;
            int end = Math.min(count, from + CHUNK);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = start; i < end; i++) {
                    products.save(demoProduct(i, random));
                }
            });
        }
        LOG.infof("Demo catalog: %d products in %d ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** Product {@code i} of the demo catalog: SKU D00001..., EAN-13 from the 690 prefix. */
    public static ProductInput demoProduct(int i, Random random) {
        int kind = i % NAMES.length;
        String barcode = Gtin.withCheckDigit(String.format("690%09d", i + 1));
        long price = PRICES[kind] + random.nextInt(5) * 10L;
        return new ProductInput(String.format("D%05d", i + 1), NAMES[kind] + " #" + (i + 1), List.of(barcode),
                price, "CNY", true);
    }

    private void createStores(List<String> codes) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : codes) {
                if (Store.findById(code) == null) {
                    Store store = new Store();
                    store.code = code;
                    store.name = "Demo store " + code;
                    store.currency = "CNY";
                    store.createdAt = Instant.now();
                    store.persist();
                }
            }
        });
    }
}
