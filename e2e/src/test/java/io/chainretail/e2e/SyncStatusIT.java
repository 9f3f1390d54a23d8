package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HQ sees each store's presence and lag per feed, through an outage of the store and its recovery. */
class SyncStatusIT {

    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("patience", 45));
    private final Random random = new Random();

    @Test
    void hqShowsOnlineOfflineAndLagPerFeed() throws Exception {
        try (RetailSystem system = new RetailSystem("sync-status")) {
            AppProcess hq = system.startHq();
            AppProcess agent = system.startAgent("0001");
            createProduct(hq);
            Eventually.await("HQ sees store 0001 online and current", PATIENCE, () -> {
                JsonNode status = status(hq);
                return "online".equals(status.path("state").asText()) && lag(status, "catalog") == 0
                        && lag(status, "prices") == 0 && feed(status, "catalog").path("appliedSeq").asLong() > 0;
            });

            agent.kill();
            Eventually.await("HQ sees store 0001 offline (its last-will, or its silence)", PATIENCE,
                    () -> "offline".equals(status(hq).path("state").asText()));
            for (int i = 0; i < 3; i++) {
                createProduct(hq);
            }
            JsonNode behind = status(hq);
            assertEquals(3, lag(behind, "catalog"), behind.toString());
            assertEquals(3, lag(behind, "prices"), behind.toString());

            agent.start();
            Eventually.await("HQ sees store 0001 online and caught up", PATIENCE, () -> {
                JsonNode status = status(hq);
                return "online".equals(status.path("state").asText()) && lag(status, "catalog") == 0
                        && lag(status, "prices") == 0;
            });
            Eventually.await("Prometheus shows the lag", PATIENCE, () -> Http.get(hq.url() + "/q/metrics").body()
                    .asText().contains("hq_store_feed_lag_changes{feed=\"catalog\",store=\"0001\"} 0.0"));
        }
    }

    private void createProduct(AppProcess hq) {
        String barcode = Gtin.withCheckDigit("481" + String.format("%09d", random.nextInt(1_000_000_000)));
        Http.Reply reply = Http.post(hq.url() + "/api/products", "{\"sku\":\"S-" + barcode + "\",\"name\":\"Tea\","
                + "\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":350}");
        assertEquals(200, reply.status(), reply.body().toString());
    }

    private static JsonNode status(AppProcess hq) {
        return Http.get(hq.url() + "/api/sync/stores/0001").body();
    }

    private static JsonNode feed(JsonNode status, String feed) {
        for (JsonNode node : status.path("feeds")) {
            if (feed.equals(node.path("feed").asText())) {
                return node;
            }
        }
        throw new AssertionError("no feed " + feed + " in " + status);
    }

    private static long lag(JsonNode status, String feed) {
        return feed(status, "catalog").isMissingNode() ? -1 : feed(status, feed).path("lagChanges").asLong();
    }
}
