package io.chainretail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The README's run command: it starts the chain, a sale at a till reaches HQ, and it stops cleanly. The demo
 * always runs on the embedded defaults, so the integration profile (PostgreSQL, Mosquitto) skips it rather
 * than run the same minute twice.
 */
@DisabledIfSystemProperty(named = "it.db.url", matches = ".+", disabledReason = "the demo runs on embedded defaults")
class DemoScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

    @Test
    void theDemoRunsASaleEndToEndAndStopsCleanly() throws Exception {
        int base = freeBlock();
        int broker = AppProcess.freePort();
        Path dir = ROOT.resolve("e2e/target/demo-" + base);
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("demo.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("DEMO_DIR", dir.toString());
        builder.environment().put("DEMO_PORT_BASE", Integer.toString(base));
        builder.environment().put("DEMO_BROKER_PORT", Integer.toString(broker));
        Process demo = builder.start();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> echo(demo, running));
        reader.start();
        try {
            assertTrue(running.await(180, TimeUnit.SECONDS), "the demo prints its URLs once everything is up");
            String hq = "http://127.0.0.1:" + base;
            String agent = "http://127.0.0.1:" + (base + 1);
            String till = "http://127.0.0.1:" + (base + 11);

            assertEquals(401, Http.get(hq + "/api/products?size=1").status(), "HQ's API wants a session");
            Http.signIn(hq, "admin", "demo-admin-password");
            JsonNode hqProducts = Http.get(hq + "/api/products?size=1").body();
            assertEquals("6900000000014", hqProducts.get(0).path("barcodes").get(0).asText());
            Eventually.await("store 0001 has the whole demo catalog", Duration.ofSeconds(120), () -> Http.get(
                    agent + "/api/sync").body().path("feeds").path("prices").asLong() >= 5000);
            assertTrue(Http.get(till + "/").status() == 200, "the till serves the cashier page");
            String manager = Http.post(agent + "/api/manager/signin", "{\"id\":\"9001\",\"pin\":\"9999\"}").body()
                    .path("token").asText();
            Eventually.await("the store reads its simulated shelf", Duration.ofSeconds(30), () -> Http.get(agent
                    + "/api/shelves", "Authorization", "Bearer " + manager).body().path(0).path("slots").path(1)
                    .path("units").asInt() == 10);

            assertEquals(200, Http.post(till + "/api/signin", "{\"cashier\":\"1001\",\"pin\":\"1234\"}").status());
            assertEquals(409, Http.post(till + "/api/sale/scan", "{\"code\":\"6900000000014\"}").status(),
                    "no shift open yet: the till asks for the float first");
            assertEquals(200, Http.post(till + "/api/shift/open", "{\"floatMinor\":20000}").status());
            assertEquals(200, Http.post(till + "/api/sale/scan", "{\"code\":\"6900000000014\"}").status());
            Http.Reply paid = Http.post(till + "/api/sale/pay-cash", "{\"amountMinor\":10000}");
            assertEquals(200, paid.status(), paid.body().toString());
            String saleId = paid.body().path("saleId").asText();
            Eventually.await("HQ lists the sale", Duration.ofSeconds(30), () -> Http.get(hq
                    + "/api/stores/0001/sales").body().toString().contains(saleId));
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "Ctrl-C / SIGTERM stops the demo");
            reader.join(5_000);
        }
        assertPortClosed(base);
        assertPortClosed(base + 11);
    }

    private static void echo(Process demo, CountDownLatch running) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[demo] " + line);
                if (line.startsWith("The chain is running")) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            System.out.println("[demo] output closed: " + e.getMessage());
        }
    }

    private static void assertPortClosed(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            assertTrue(socket.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still in use after the demo stopped", e);
        }
    }

    /**
     * A base port with the 13 ports the demo uses all free, below Linux's ephemeral range (32768 on):
     * there, any outgoing connection may take one of them as its local port after the demo stopped,
     * and the "port released" check would fail for a reason that is not the demo's.
     */
    private static int freeBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 12_000);
            boolean free = true;
            for (int port = base; port <= base + 12 && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    free = socket.isBound();
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports");
    }
}
