package io.chainretail.e2e.bench;

import static io.chainretail.e2e.bench.BenchSupport.ok;
import static io.chainretail.e2e.bench.BenchSupport.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.e2e.AppProcess;
import io.chainretail.e2e.Eventually;
import io.chainretail.e2e.Http;
import io.chainretail.e2e.RetailSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The online orders' targets (docs/benchmarks.md), each beside a baseline measured in the same run:
 * <ul>
 *   <li>an order placed at HQ until its store holds it, p99, against raw Paho's one message through the same
 *       broker;</li>
 *   <li>the customers' shop searching a store's catalog of 100,000 products, p99, against HQ's health check (the
 *       same HTTP stack doing nothing) and HQ's own console search of the same catalog.</li>
 * </ul>
 * Run one with {@code ./mvnw -B verify -pl e2e -Pbenchmark -Dit.test=OrderBenchmark#orderReachesItsStore}.
 */
class OrderBenchmark {

    private static final Duration PATIENCE = BenchSupport.PATIENCE;
    private static final int ORDERS = Integer.getInteger("bench.orders", 200);
    private static final int CATALOG = Integer.getInteger("bench.catalog", 100_000);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 500);

    @Test
    void orderReachesItsStore() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-orders")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            ok(Http.put(hq.url() + "/api/products/OB-1", "{\"sku\":\"OB-1\",\"name\":\"绿茶\",\"barcodes\":[],"
                    + "\"priceMinor\":450}"));
            String manager = Http.post(agent.url() + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}")
                    .body().path("token").asText();
            Eventually.await("the store books 100,000 in", PATIENCE, () -> Http.post(agent.url()
                    + "/api/stock/OB-1/adjustments", "{\"kind\":\"RECEIVED\",\"quantity\":100000}", "Authorization",
                    "Bearer " + manager).status() == 200);
            Eventually.await("HQ has the stock", PATIENCE, () -> Http.get(hq.url() + "/api/stock?store=0001&sku=OB-1")
                    .body().path(0).path("quantity").asLong() == 100_000);
            List<Long> latencies = new ArrayList<>();
            // The first 20 orders warm both JVMs up and are not counted.
            for (int i = -20; i < ORDERS; i++) {
                Instant before = Instant.now();
                Http.Reply placed = Http.post(hq.url() + "/api/orders", "{\"channel\":\"bench\",\"channelOrderId\":\""
                        + "b-" + i + "\",\"fulfilment\":\"PICKUP\",\"store\":\"0001\",\"customer\":{\"name\":\"李雷\"},"
                        + "\"lines\":[{\"sku\":\"OB-1\",\"quantity\":1}],\"prepaid\":true}");
                ok(placed);
                String orderId = placed.body().path("orderId").asText();
                JsonNode[] atStore = new JsonNode[1];
                Eventually.await("store 0001 has order " + orderId, PATIENCE, () -> {
                    Http.Reply reply = Http.get(agent.url() + "/api/orders/" + orderId, "Authorization",
                            "Bearer " + manager);
                    atStore[0] = reply.body();
                    return reply.status() == 200;
                });
                if (i >= 0) {
                    latencies.add(Duration.between(before, Instant.parse(atStore[0].path("receivedAt").asText()))
                            .toMillis());
                }
            }
            List<Long> raw = RawPaho.oneWay(system.hqBroker(), "retail/v1/" + system.chain() + "/bench/orders", 200);
            System.out.println();
            System.out.printf("=== An order placed at HQ -> held by its store (%d orders) ===%n", latencies.size());
            System.out.printf("store holds it: p50 %d ms, p99 %d ms, max %d ms (POST at HQ -> committed at the "
                    + "store)%n", percentile(latencies, 50), percentile(latencies, 99), Collections.max(latencies));
            System.out.printf("baseline, raw Paho one QoS 1 message through the same broker: p50 %d ms, p99 %d ms%n",
                    percentile(raw, 50), percentile(raw, 99));
            System.out.println("target: p99 under 1 s: " + (percentile(latencies, 99) < 1000 ? "met" : "NOT met"));
        }
    }

    @Test
    void shopSearchesALargeCatalog() throws Exception {
        try (RetailSystem system = new RetailSystem("bench-shop")) {
            AppProcess hq = system.startHq();
            BenchSupport.importProducts(hq, CATALOG, 0);
            ok(Http.put(hq.url() + "/api/stores/0001", "{\"code\":\"0001\",\"name\":\"Store 0001\","
                    + "\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\"}"));
            Random random = new Random(7);
            List<Long> shop = new ArrayList<>();
            List<Long> console = new ArrayList<>();
            List<Long> health = new ArrayList<>();
            for (int i = -50; i < SEARCHES; i++) {
                // What customers type: a name's word and number, a SKU, a barcode.
                int n = 1 + random.nextInt(CATALOG);
                String q = switch (i % 3 == 0 ? 0 : i % 3) {
                    case 1 -> "B-" + n;
                    case 2 -> BenchSupport.barcode(n);
                    default -> "Rice " + n;
                };
                String encoded = java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
                long shopMs = timed(() -> ok(Http.get(hq.url() + "/api/shop/stores/0001/products?q=" + encoded)));
                long consoleMs = timed(() -> ok(Http.get(hq.url() + "/api/products?size=20&q=" + encoded)));
                long healthMs = timed(() -> ok(Http.get(hq.url() + "/q/health/ready")));
                if (i >= 0) {
                    shop.add(shopMs);
                    console.add(consoleMs);
                    health.add(healthMs);
                }
            }
            System.out.println();
            System.out.printf("=== The shop's search of a store's %d-product catalog (%d searches) ===%n", CATALOG,
                    shop.size());
            System.out.printf("shop search (priced at the store, with free stock): p50 %d ms, p99 %d ms, max %d ms%n",
                    percentile(shop, 50), percentile(shop, 99), Collections.max(shop));
            System.out.printf("baseline, HQ's console search of the same catalog: p50 %d ms, p99 %d ms%n",
                    percentile(console, 50), percentile(console, 99));
            System.out.printf("baseline, HQ's readiness check (the HTTP stack alone): p50 %d ms, p99 %d ms%n",
                    percentile(health, 50), percentile(health, 99));
            System.out.println("target: p99 under 100 ms: " + (percentile(shop, 99) < 100 ? "met" : "NOT met"));
        }
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
