package io.chainretail.hq.demo;

import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.Targets;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.Measure;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.catalog.CatalogService;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.catalog.ProductInput;
import io.chainretail.hq.catalog.ProductService;
import io.chainretail.hq.members.MemberService;
import io.chainretail.hq.promotions.PromotionService;
import io.chainretail.hq.store.Store;
import io.chainretail.hq.store.StoreService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
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
    private final CatalogService catalog;
    private final StoreService stores;
    private final MemberService members;
    private final PromotionService promotions;

    public DemoData(HqConfig config, ProductService products, CatalogService catalog, StoreService stores,
            MemberService members, PromotionService promotions) {
        this.config = config;
        this.products = products;
        this.catalog = catalog;
        this.stores = stores;
        this.members = members;
        this.promotions = promotions;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        config.demo().stores().ifPresent(this::createStores);
        int count = config.demo().products();
        if (count <= 0 || QuarkusTransaction.requiringNew().call(() -> Product.count()) > 0) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::createMasterData);
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
        String category = kind < 4 ? "drinks" : kind < 16 ? "food" : "household";
        return new ProductInput(String.format("D%05d", i + 1), NAMES[kind] + " #" + (i + 1), List.of(barcode),
                price, "CNY", true, category, null, kind < 16 ? "VAT9" : "VAT13", Measure.UNIT, null);
    }

    private void createStores(List<String> codes) {
        QuarkusTransaction.requiringNew().run(() -> {
            stores.saveRegion("east", "华东 East");
            stores.saveRegion("north", "华北 North");
            for (int i = 0; i < codes.size(); i++) {
                if (Store.findById(codes.get(i)) == null) {
                    stores.save(new StoreChange(codes.get(i), "Demo store " + codes.get(i), i % 2 == 0 ? "east"
                            : "north", "Asia/Shanghai", "CNY", openingHours(), 2));
                }
            }
        });
    }

    private static List<StoreChange.OpeningHours> openingHours() {
        return Arrays.stream(DayOfWeek.values())
                .map(day -> new StoreChange.OpeningHours(day, LocalTime.of(8, 0), LocalTime.of(22, 0)))
                .toList();
    }

    /** Tax classes, categories, tiers, members and a chain promotion, so every feed has data. */
    private void createMasterData() {
        catalog.save(new TaxClassChange("VAT13", "VAT 13%", 1300, true));
        catalog.save(new TaxClassChange("VAT9", "VAT 9% (food)", 900, true));
        catalog.save(new CategoryChange("food", "食品 Food", null, true));
        catalog.save(new CategoryChange("drinks", "饮料 Drinks", "food", true));
        catalog.save(new CategoryChange("household", "日用品 Household", null, true));
        members.saveTier("standard", "Standard");
        members.saveTier("gold", "Gold");
        for (int i = 1; i <= 100; i++) {
            members.save(new MemberChange(String.format("M%07d", i), String.format("1380000%04d", i),
                    "Member " + i, i % 10 == 0 ? "gold" : "standard", i * 10L, 500, true));
        }
        promotions.save(new Promotion("DRINKS10", 0, "饮料九折 Drinks 10% off", true, PromotionType.PERCENT_OFF,
                new ItemScope(List.of(), List.of("drinks"), List.of()), 1000, null, null, null, null, null, null,
                null, false, null, Targets.CHAIN, new Schedule(LocalDateTime.of(2026, 1, 1, 0, 0), null, null, null,
                null), 10, null));
    }
}
