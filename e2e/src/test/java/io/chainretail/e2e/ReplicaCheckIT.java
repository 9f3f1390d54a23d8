package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.gtin.Gtin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Is store 0001 identical to HQ?" answers yes when it is, and names the feed when it is not. */
class ReplicaCheckIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aStoreIsIdenticalToHqUntilItsReplicaIsTamperedWith() throws Exception {
        try (RetailSystem system = new RetailSystem("replica")) {
            AppProcess hq = system.startHq();
            for (int i = 1; i <= 5; i++) {
                String barcode = Gtin.withCheckDigit("48200000000" + i);
                assertEquals(200, Http.post(hq.url() + "/api/products", "{\"sku\":\"R-" + i + "\",\"name\":\"绿茶 "
                        + i + "\",\"barcodes\":[\"" + barcode + "\"],\"priceMinor\":" + (100 * i) + "}").status());
            }
            AppProcess agent = system.startAgent("0001");
            Eventually.await("HQ says store 0001 is identical", PATIENCE,
                    () -> check(hq).path("identical").asBoolean());

            agent.close();
            String url = "jdbc:h2:file:" + system.agentDataDir("0001").resolve("db/agent").toAbsolutePath();
            try (Connection db = DriverManager.getConnection(url, "sa", "")) {
                assertEquals(1, db.createStatement().executeUpdate(
                        "update replica_record set payload = replace(payload, '绿茶 3', 'tampered')"
                                + " where schema_id = 'catalog.product.v1' and record_key = 'R-3'"));
            }
            agent.start();

            Eventually.await("HQ names the catalog as different", PATIENCE,
                    () -> "DIFFERENT".equals(verdict(check(hq), "catalog")));
            JsonNode check = check(hq);
            assertFalse(check.path("identical").asBoolean(), check.toString());
            assertEquals("IDENTICAL", verdict(check, "prices"), check.toString());
        }
    }

    private static JsonNode check(AppProcess hq) {
        return Http.get(hq.url() + "/api/sync/stores/0001/replica").body();
    }

    private static String verdict(JsonNode check, String feed) {
        for (JsonNode node : check.path("feeds")) {
            if (feed.equals(node.path("feed").asText())) {
                return node.path("verdict").asText();
            }
        }
        return "missing";
    }
}
