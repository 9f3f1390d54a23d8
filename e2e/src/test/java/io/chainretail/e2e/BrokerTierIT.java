package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The broker tier: the chain's stores spread over two brokers (Mosquittos of the test's own), each store on its
 * home broker, HQ connected to both. Store 0001 is on broker A, stores 0002 and 0003 on broker B, 0003 with A
 * to fail over to; all sell all along.
 *
 * <p>In the integration profile HQ runs on two instances over PostgreSQL, and the instance that publishes the
 * change feed is killed ({@code kill -9}) in the middle of a burst of changes: the other takes the feed over on
 * both brokers and no store sees a gap. Then broker B is killed: store 0001 still gets HQ's changes, store 0003
 * fails over to A and gets them too, while store 0002 sells offline; B restarts and store 0002 catches up.
 * Every sale is stored once and every replica ends identical to HQ. On the embedded defaults (H2, one HQ
 * instance) the broker half runs alone.
 */
class BrokerTierIT {

    private static final long SEED = 20261206L;
    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("patience", 120));
    private static final String BARCODE = Gtin.withCheckDigit("690000054321");
    private static final List<String> STORES = List.of("0001", "0002", "0003");

    @Test
    void aBrokersLossCutsOffOnlyItsOwnStoresWhichCatchUpWhenItIsBack() throws Exception {
        if (!MosquittoBroker.available()) {
            System.err.println("\n!!! SKIPPED BrokerTierIT: needs " + MosquittoBroker.BINARY
                    + " (apt-get install mosquitto) !!!\n");
            Assumptions.abort("needs mosquitto");
        }
        Path dir = Path.of("target/broker-tier-" + System.nanoTime());
        try (MosquittoBroker brokerA = new MosquittoBroker(dir.resolve("a")).start(true);
                MosquittoBroker brokerB = new MosquittoBroker(dir.resolve("b")).start(true);
                RetailSystem system = new RetailSystem("broker-tier", brokerA.url() + "," + brokerB.url())) {
            AppProcess first = system.startHq();
            AppProcess hq = first;
            AppProcess leader = null;
            if (system.onPostgres()) {
                // Two instances: changes are made through the one that does not publish the feed, which is killed.
                AppProcess other = system.startAnotherHq("hq-b");
                Eventually.await("one instance leads", PATIENCE, () -> leads(first) + leads(other) == 1);
                leader = leads(first) == 1 ? first : other;
                hq = leader == first ? other : first;
            }
            ChangeGenerator changes = new ChangeGenerator(hq.url(), SEED);
            changes.setUp();
            assertEquals(200, Http.put(hq.url() + "/api/products/TIER-1", product("分层测试")).status());
            Map<String, AppProcess> agents = new HashMap<>();
            agents.put("0001", system.startAgent("0001", Map.of("agent.mqtt.url", brokerA.url())));
            agents.put("0002", system.startAgent("0002", Map.of("agent.mqtt.url", brokerB.url())));
            agents.put("0003", system.startAgent("0003", Map.of("agent.mqtt.url", brokerB.url() + ","
                    + brokerA.url())));
            // A store's first sync may count a gap (a change made while its snapshot was on its way): the claims
            // here are about what comes after, so gaps are counted from this point.
            Map<String, Double> gapsAtStart = new HashMap<>();
            for (String store : STORES) {
                awaitIdentical(hq, store, "at the start");
                gapsAtStart.put(store, agents.get(store).metric("agent_feed_gaps_total"));
            }

            Map<String, SteadySeller> sellers = new HashMap<>();
            try {
                for (String store : STORES) {
                    sellers.put(store, new SteadySeller(new Till(agents.get(store), "1", "1001", "1234"), BARCODE,
                            300));
                }
                if (leader != null) {
                    killTheFeedPublisherMidBurst(leader, hq, changes, agents, gapsAtStart);
                }

                brokerB.kill();
                long killed = System.nanoTime();
                Eventually.await("store 0002 knows its broker is gone", PATIENCE,
                        () -> !Http.get(agents.get("0002").url() + "/api/sync").body().path("connected").asBoolean());
                int soldOffline = sellers.get("0002").sold().size();
                assertEquals(200, Http.put(hq.url() + "/api/products/TIER-1", product("分层测试 B 停机")).status());
                changes.run(200, 2);
                awaitIdentical(hq, "0001", "while broker B is down");
                awaitIdentical(hq, "0003", "while broker B is down, on broker A");
                System.out.printf("BrokerTierIT: store 0003 failed over to broker A and was identical to HQ %d "
                        + "ms after B was killed%n", (System.nanoTime() - killed) / 1_000_000);
                Eventually.await("store 0002 sold offline", PATIENCE,
                        () -> sellers.get("0002").sold().size() >= soldOffline + 10);
                assertTrue(Http.get(hq.url() + "/q/health/ready").status() == 200,
                        "HQ stays ready with one of its brokers down");

                brokerB.start(true);
                long back = System.nanoTime();
                awaitIdentical(hq, "0002", "after broker B is back");
                System.out.printf("BrokerTierIT: store 0002 identical to HQ %d ms after its broker was back%n",
                        (System.nanoTime() - back) / 1_000_000);
            } finally {
                sellers.values().forEach(SteadySeller::close);
            }

            assertEquals(gapsAtStart.get("0001"), agents.get("0001").metric("agent_feed_gaps_total"),
                    "store 0001 on the broker that stayed up never saw a gap");
            System.out.printf("BrokerTierIT: store 0002 saw %.0f feed gaps (deltas its broker lost in its crash)%n",
                    agents.get("0002").metric("agent_feed_gaps_total") - gapsAtStart.get("0002"));
            for (String store : STORES) {
                AppProcess agent = agents.get(store);
                Eventually.await("HQ acknowledged every event of store " + store, PATIENCE,
                        () -> Http.get(agent.url() + "/api/sync").body().path("uplinkBacklog").asLong() == 0);
                Map<String, Integer> stored = salesAtHq(hq, store);
                SteadySeller seller = sellers.get(store);
                assertTrue(seller.sold().size() >= 20, "store " + store + " sold all along");
                for (String sale : seller.sold()) {
                    assertEquals(1, stored.getOrDefault(sale, 0), "sale " + sale + " of " + store + " is stored once");
                }
                awaitIdentical(hq, store, "at the end");
            }
        }
    }

    /** Kills the instance that publishes the feed while it publishes a burst of changes made through the other. */
    private void killTheFeedPublisherMidBurst(AppProcess leader, AppProcess follower, ChangeGenerator changes,
            Map<String, AppProcess> agents, Map<String, Double> gapsAtStart) throws Exception {
        System.out.printf("BrokerTierIT: feed publisher takeover after kill -9: %d ms%n",
                FeedTakeover.killLeaderMidBurst(leader, follower, changes, 2_000, PATIENCE));
        for (String store : STORES) {
            awaitIdentical(follower, store, "after the kill");
            assertEquals(gapsAtStart.get(store), agents.get(store).metric("agent_feed_gaps_total"),
                    "store " + store + " saw no gap through the takeover");
        }
    }

    private static String product(String name) {
        return "{\"sku\":\"TIER-1\",\"name\":\"" + name + "\",\"barcodes\":[\"" + BARCODE + "\"],\"priceMinor\":300"
                + ",\"active\":true,\"category\":\"c0\",\"brand\":null,\"taxClass\":\"STD\"}";
    }

    private static Map<String, Integer> salesAtHq(AppProcess hq, String store) {
        Map<String, Integer> stored = new HashMap<>();
        for (JsonNode sale : Http.get(hq.url() + "/api/stores/" + store + "/sales?size=1000").body()) {
            stored.merge(sale.path("saleId").asText(), 1, Integer::sum);
        }
        return stored;
    }

    private static int leads(AppProcess hq) {
        return (int) hq.metric("hq_cluster_leader");
    }

    private static void awaitIdentical(AppProcess hq, String store, String when) throws InterruptedException {
        Eventually.await("store " + store + " identical to HQ " + when, PATIENCE, () -> Http.get(hq.url()
                + "/api/sync/stores/" + store + "/replica").body().path("identical").asBoolean());
    }
}
