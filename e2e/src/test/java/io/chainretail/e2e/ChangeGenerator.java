package io.chainretail.e2e;

import io.chainretail.core.gtin.Gtin;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes seeded, mixed master-data changes through HQ's REST API, the way HQ staff would: new
 * products, renames and price changes, regional and tier prices set and removed, price bounds,
 * members and promotions. Each worker owns its SKUs, so every change is valid whatever the
 * interleaving; the seed decides what each worker does.
 */
final class ChangeGenerator {

    private static final String[] REGIONS = {"north", "east"};
    private static final String[] NAMES = {"矿泉水", "绿茶", "Orange Juice", "牛奶", "大米", "Olive Oil", "薯片", "Coffee"};

    private final String hq;
    private final long seed;
    private final AtomicInteger round = new AtomicInteger();

    ChangeGenerator(String hqUrl, long seed) {
        this.hq = hqUrl;
        this.seed = seed;
    }

    /**
     * What every change refers to (regions, tiers, categories, brands, tax classes), and 500 products
     * and their regional prices imported as CSV, so the bulk path is part of what must converge.
     */
    void setUp() {
        for (String region : REGIONS) {
            ok(Http.put(hq + "/api/regions/" + region, "{\"name\":\"" + region + "\"}"));
        }
        ok(Http.put(hq + "/api/member-tiers/gold", "{\"name\":\"Gold\"}"));
        ok(Http.put(hq + "/api/member-tiers/standard", "{\"name\":\"Standard\"}"));
        ok(Http.put(hq + "/api/tax-classes/VAT9", "{\"code\":\"VAT9\",\"name\":\"VAT 9%\",\"rateBp\":900,"
                + "\"inclusive\":true}"));
        for (int i = 0; i < 5; i++) {
            ok(Http.put(hq + "/api/categories/c" + i, "{\"code\":\"c" + i + "\",\"name\":\"类 " + i + "\",\"parent\":"
                    + (i == 0 ? "null" : "\"c0\"") + ",\"active\":true}"));
            ok(Http.put(hq + "/api/brands/b" + i, "{\"code\":\"b" + i + "\",\"name\":\"Brand " + i + "\","
                    + "\"active\":true}"));
        }
        StringBuilder products = new StringBuilder("sku,name,price_minor,barcodes,category,tax_class\n");
        StringBuilder prices = new StringBuilder("sku,region,price_minor\n");
        for (int i = 1; i <= 500; i++) {
            products.append("CSV-").append(i).append(",\"进口 ").append(i).append(", imported\",").append(100 + i)
                    .append(',').append(Gtin.withCheckDigit(String.format("68%010d", seed % 1_000 * 1_000 + i)))
                    .append(",c").append(i % 5).append(",VAT9\n");
            prices.append("CSV-").append(i).append(',').append(REGIONS[i % 2]).append(',').append(90 + i).append('\n');
        }
        ok(Http.post(hq + "/api/import/products", products.toString(), "text/csv"));
        ok(Http.post(hq + "/api/import/prices", prices.toString(), "text/csv"));
    }

    /** Makes {@code changes} changes with {@code workers} in parallel; returns when all are stored. */
    void run(int changes, int workers) throws Exception {
        int batch = round.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Worker worker = new Worker(batch * 100 + w, new Random(seed * 1_000 + batch * 100 + w));
                int share = changes / workers + (w < changes % workers ? 1 : 0);
                done.add(pool.submit(() -> worker.make(share)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One worker's products, members and promotions, and the next change to make. */
    private final class Worker {

        private final int id;
        private final Random random;
        private final List<String> skus = new ArrayList<>();
        private final List<String> regional = new ArrayList<>();
        private final List<String> bounds = new ArrayList<>();
        private int counter;

        Worker(int id, Random random) {
            this.id = id;
            this.random = random;
        }

        Void make(int changes) {
            for (int i = 0; i < changes; i++) {
                int dice = skus.isEmpty() ? 0 : random.nextInt(100);
                if (dice < 30) {
                    newProduct();
                } else if (dice < 50) {
                    updateProduct();
                } else if (dice < 60) {
                    setRegionalPrice();
                } else if (dice < 65 && !regional.isEmpty()) {
                    String key = regional.remove(random.nextInt(regional.size()));
                    ok(Http.delete(hq + "/api/products/" + key));
                } else if (dice < 70) {
                    ok(Http.put(hq + "/api/products/" + pick() + "/tier-prices/gold", price()));
                } else if (dice < 75) {
                    setBounds();
                } else if (dice < 78 && !bounds.isEmpty()) {
                    ok(Http.delete(hq + "/api/price-bounds/" + bounds.remove(random.nextInt(bounds.size()))));
                } else if (dice < 95) {
                    member();
                } else {
                    promotion();
                }
            }
            return null;
        }

        private void newProduct() {
            String sku = "G" + id + "-" + (++counter);
            skus.add(sku);
            String barcode = Gtin.withCheckDigit(String.format("69%04d%06d", id, counter));
            ok(Http.put(hq + "/api/products/" + sku, product(sku, barcode)));
        }

        private void updateProduct() {
            String sku = pick();
            int n = Integer.parseInt(sku.substring(sku.indexOf('-') + 1));
            ok(Http.put(hq + "/api/products/" + sku, product(sku, Gtin.withCheckDigit(String.format("69%04d%06d",
                    id, n)))));
        }

        private String product(String sku, String barcode) {
            return "{\"sku\":\"" + sku + "\",\"name\":\"" + NAMES[random.nextInt(NAMES.length)] + " " + random.nextInt(
                    1000) + "\",\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":" + (100 + random.nextInt(5000))
                    + ",\"active\":" + (random.nextInt(10) > 0) + ",\"category\":\"c" + random.nextInt(5)
                    + "\",\"brand\":" + (random.nextBoolean() ? "\"b" + random.nextInt(5) + "\"" : "null")
                    + ",\"taxClass\":\"" + (random.nextBoolean() ? "VAT9" : "STD") + "\"}";
        }

        private void setRegionalPrice() {
            String key = pick() + "/regional-prices/" + REGIONS[random.nextInt(REGIONS.length)];
            ok(Http.put(hq + "/api/products/" + key, price()));
            if (!regional.contains(key)) {
                regional.add(key);
            }
        }

        private void setBounds() {
            String id = "B" + this.id + "-" + (++counter);
            long floor = 100 + random.nextInt(1000);
            ok(Http.put(hq + "/api/price-bounds/" + id, "{\"id\":\"" + id + "\",\"sku\":\"" + pick()
                    + "\",\"store\":null,\"floorMinor\":" + floor + ",\"ceilingMinor\":" + (floor + random.nextInt(
                    1000)) + ",\"validFrom\":\"2026-01-01T00:00:00Z\"}"));
            bounds.add(id);
        }

        private void member() {
            String card = "C" + id + "X" + random.nextInt(500);
            ok(Http.put(hq + "/api/members/" + card, "{\"cardNo\":\"" + card + "\",\"phone\":null,\"name\":\"会员 "
                    + card + "\",\"tier\":\"" + (random.nextBoolean() ? "gold" : "standard") + "\",\"pointsBalance\":"
                    + random.nextInt(10_000) + ",\"offlineRedeemLimit\":500,\"active\":true}"));
        }

        private void promotion() {
            String code = "P" + id + "-" + random.nextInt(10);
            ok(Http.put(hq + "/api/promotions/" + code, "{\"code\":\"" + code + "\",\"name\":\"促销 " + code
                    + "\",\"active\":" + random.nextBoolean() + ",\"type\":\"PERCENT_OFF\",\"items\":{\"skus\":[\""
                    + pick() + "\"]},\"percentOffBp\":" + (100 + random.nextInt(5000)) + ",\"targets\":{\"chain\":"
                    + "true},\"schedule\":{\"from\":\"2026-11-01T00:00\"},\"priority\":" + random.nextInt(10) + "}"));
        }

        private String price() {
            return "{\"priceMinor\":" + (50 + random.nextInt(5000)) + "}";
        }

        private String pick() {
            return skus.get(random.nextInt(skus.size()));
        }
    }

    private static void ok(Http.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("HQ refused a generated change: " + reply.status() + " " + reply.body());
        }
    }
}
