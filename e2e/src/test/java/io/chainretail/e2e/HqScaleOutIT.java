package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * HQ on two instances over one PostgreSQL and one broker. A till sells all along while the instance that
 * publishes the change feed is killed ({@code kill -9}) in the middle of publishing a burst of changes made
 * through the other instance, and of ingesting the till's sales. The other instance takes the feed over (the time
 * from the kill to its first published delta is printed); the store never sees a gap in a feed, its replica ends
 * identical to HQ's, and every sale is stored exactly once. The killed instance comes back as a follower.
 *
 * <p>Runs in the integration profile (PostgreSQL and Mosquitto): H2 and the embedded broker belong to one
 * instance.
 */
class HqScaleOutIT {

    private static final long SEED = 20261205L;
    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("patience", 120));
    private static final String BARCODE = Gtin.withCheckDigit("690000012345");

    @Test
    void theOtherInstanceTakesTheFeedOverAndNoSaleOrDeltaIsLostOrDoubled() throws Exception {
        try (RetailSystem system = new RetailSystem("scale-out")) {
            if (!system.canScaleOut()) {
                System.err.println("\n!!! SKIPPED HqScaleOutIT: HQ scales out on PostgreSQL with an external broker;"
                        + " run it with the integration profile (-Pintegration) !!!\n");
                Assumptions.abort("needs it.db.url and it.mqtt.url");
            }
            AppProcess first = system.startHq();
            AppProcess second = system.startAnotherHq("hq-b");
            Eventually.await("one instance leads", PATIENCE, () -> leads(first) + leads(second) == 1);
            assertEquals(1, leads(first) + leads(second), "exactly one instance leads");
            AppProcess leader = leads(first) == 1 ? first : second;
            AppProcess follower = leader == first ? second : first;
            System.out.printf("HqScaleOutIT: %s leads, %s follows%n", leader.name(), follower.name());

            ChangeGenerator changes = new ChangeGenerator(follower.url(), SEED);
            changes.setUp();
            assertEquals(200, Http.put(follower.url() + "/api/products/SCALE-1", "{\"sku\":\"SCALE-1\",\"name\":"
                    + "\"扩容测试\",\"barcodes\":[\"" + BARCODE + "\"],\"priceMinor\":250,\"active\":true,"
                    + "\"category\":\"c0\",\"brand\":null,\"taxClass\":\"STD\"}").status());
            AppProcess agent = system.startAgent("0001");
            awaitIdentical(follower, "before the kill");

            SteadySeller seller = new SteadySeller(new Till(agent, "1", "1001", "1234"), BARCODE, 250);
            try (seller) {
                Eventually.await("the till has sold", PATIENCE, () -> seller.sold().size() >= 5);
                long takeoverMillis = FeedTakeover.killLeaderMidBurst(leader, follower, changes, 3_000, PATIENCE);
                System.out.printf("HqScaleOutIT: feed publisher takeover after kill -9: %d ms (hq.outbox.poll 1 s)%n",
                        takeoverMillis);
                Eventually.await("the till sold after the kill", PATIENCE, () -> seller.sold().size() >= 40);
            }
            awaitIdentical(follower, "after the kill");
            assertEquals(0.0, agent.metric("agent_feed_gaps_total"),
                    "the store never saw a delta ahead of a missing one");

            Eventually.await("HQ acknowledged every event of the store", PATIENCE,
                    () -> Http.get(agent.url() + "/api/sync").body().path("uplinkBacklog").asLong() == 0);
            Map<String, Integer> stored = salesAtHq(follower);
            assertTrue(seller.sold().size() >= 40, "the till sold through the kill");
            for (String sale : seller.sold()) {
                assertEquals(1, stored.getOrDefault(sale, 0), "sale " + sale + " is stored once");
            }

            leader.start();
            Http.signIn(leader.url(), "admin", RetailSystem.ADMIN_PASSWORD);
            assertEquals(0.0, leader.metric("hq_cluster_leader"), "the restarted instance follows");
            assertEquals(1.0, follower.metric("hq_cluster_leader"), "the survivor keeps the lead");
        }
    }

    private static Map<String, Integer> salesAtHq(AppProcess hq) {
        Map<String, Integer> stored = new HashMap<>();
        for (JsonNode sale : Http.get(hq.url() + "/api/stores/0001/sales?size=1000").body()) {
            stored.merge(sale.path("saleId").asText(), 1, Integer::sum);
        }
        return stored;
    }

    private static int leads(AppProcess hq) {
        return (int) hq.metric("hq_cluster_leader");
    }

    private static void awaitIdentical(AppProcess hq, String when) throws InterruptedException {
        Eventually.await("store 0001 identical to HQ " + when, PATIENCE, () -> Http.get(hq.url()
                + "/api/sync/stores/0001/replica").body().path("identical").asBoolean());
    }
}
