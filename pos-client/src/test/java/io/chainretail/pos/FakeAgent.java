package io.chainretail.pos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store agent's till API as far as the till's own tests need it: lane 01 pairs with code GOODCODE, cashier
 * 1001 signs in with PIN 1234, an X report is there to read, sale S-1 takes lines and payment, and every call
 * that reaches it is counted (a refused call must not). A test reads the count ({@code GET /fake/calls}, with
 * how many scan streams are open and the last line the till added), unpairs the lane
 * ({@code POST /fake/unpair}) and makes the lane's scanner send a burst of scans in one write
 * ({@code POST /fake/burst?n=50}) over HTTP, at {@link #url(String)}.
 */
final class FakeAgent {

    static final String TOKEN = "fake-agent-token";
    static final String PAIRING_CODE = "GOODCODE";
    /**
     * Calls the till makes on its own, not for a request: the connection check and the scan relay, which
     * polls the event stream every second while a cashier is signed in. They are not counted.
     */
    private static final Set<String> BACKGROUND = Set.of("/api/sync", "/api/till/events");
    /** The key the agent gave the lane; null once the manager unpaired it. */
    volatile String laneKey = "fake-lane-key";
    private static FakeAgent running;

    final AtomicInteger calls = new AtomicInteger();
    /** The body of the last line added, as the till sent it. */
    private volatile String lastLine = "";
    private final AtomicInteger scanStreams = new AtomicInteger();
    private final BlockingQueue<String> bursts = new LinkedBlockingQueue<>();
    private final HttpServer server;

    private FakeAgent() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        // The scan stream stays open while other calls come in.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static synchronized FakeAgent get() {
        if (running == null) {
            try {
                running = new FakeAgent();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls that reached the agent at {@code agentUrl} (the till's {@code pos.agent-url}). */
    static int calls(String agentUrl) {
        return io.restassured.RestAssured.get(agentUrl + "/fake/calls").then().extract().path("calls");
    }

    static void unpair(String agentUrl) {
        io.restassured.RestAssured.post(agentUrl + "/fake/unpair").then().statusCode(200);
    }

    /** Scan streams the till holds open at the agent now. */
    static int scanStreams(String agentUrl) {
        return io.restassured.RestAssured.get(agentUrl + "/fake/calls").then().extract().path("scanStreams");
    }

    /** The lane's scanner sends {@code count} scans, all in one write on the open scan stream. */
    static void burst(String agentUrl, int count) {
        io.restassured.RestAssured.post(agentUrl + "/fake/burst?n=" + count).then().statusCode(200);
    }

    /** The codes of a burst, in the order they are sent. */
    static String code(int i) {
        return "SCAN-" + i;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean signedIn = TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Till-Token"));
        if (path.startsWith("/fake/")) {
            // The test's own controls: it runs in another class loader than the till, so it reaches this
            // agent as the till does, over HTTP.
            if (path.equals("/fake/unpair")) {
                laneKey = null;
            } else if (path.equals("/fake/burst")) {
                int count = Integer.parseInt(exchange.getRequestURI().getQuery().substring("n=".length()));
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    burst.append("data:{\"id\":\"").append(i).append("\",\"lane\":\"01\",\"code\":\"")
                            .append(code(i)).append("\"}\n\n");
                }
                bursts.add(burst.toString());
            }
            reply(exchange, 200, "{\"calls\":" + calls.get() + ",\"scanStreams\":" + scanStreams.get()
                    + ",\"lastLine\":" + (lastLine.isEmpty() ? "null" : lastLine) + "}");
            return;
        }
        if (!BACKGROUND.contains(path)) {
            calls.incrementAndGet();
        }
        if (path.equals("/api/sync")) {
            reply(exchange, 200, "{\"connected\":true}");
        } else if (path.equals("/api/till/pair")) {
            boolean right = body.contains("\"code\":\"" + PAIRING_CODE + "\"");
            if (right) {
                laneKey = "fake-lane-key";
            }
            reply(exchange, right ? 200 : 401, right ? "{\"lane\":\"01\",\"key\":\"" + laneKey + "\"}"
                    : "{\"code\":\"PAIRING_CODE_WRONG\",\"message\":\"That pairing code is wrong.\"}");
        } else if (path.equals("/api/till/signin")) {
            String key = exchange.getRequestHeaders().getFirst("X-Lane-Key");
            if (laneKey == null || !laneKey.equals(key)) {
                reply(exchange, 401, "{\"code\":\"LANE_NOT_PAIRED\",\"message\":\"Lane 01 is not paired.\"}");
            } else {
                reply(exchange, body.contains("\"pin\":\"1234\"") ? 200 : 401, body.contains("\"pin\":\"1234\"")
                        ? "{\"token\":\"" + TOKEN + "\",\"cashier\":\"1001\"}"
                        : "{\"code\":\"BAD_CREDENTIALS\",\"message\":\"Wrong cashier or PIN.\"}");
            }
        } else if (!signedIn) {
            reply(exchange, 401, "{\"code\":\"SESSION_EXPIRED\",\"message\":\"Sign in again.\"}");
        } else if (path.equals("/api/till/events")) {
            streamScans(exchange);
        } else if (path.equals("/api/till/shift")) {
            reply(exchange, 200, "{\"lane\":\"01\",\"expectedCashMinor\":10000}");
        } else if (path.equals("/api/till/sales")) {
            reply(exchange, 200, sale("OPEN", ""));
        } else if (path.equals("/api/till/sales/S-1/lines")) {
            lastLine = body;
            reply(exchange, 200, sale("OPEN", LINES));
        } else if (path.equals("/api/till/sales/S-1/complete")) {
            reply(exchange, 200, sale("COMPLETED", LINES));
        } else {
            reply(exchange, 200, "{}");
        }
    }

    /** Holds the scan stream open for a while, writing a burst when a test asks for one. */
    private void streamScans(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        scanStreams.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody()) {
            String burst = bursts.poll(2, TimeUnit.SECONDS);
            if (burst != null) {
                out.write(burst.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scanStreams.decrementAndGet();
            exchange.close();
        }
    }

    /** Two lines of sale S-1: two bottles of water with 0.30 off, 384 g of apples; total 7.65. */
    private static final String LINES = "{\"lineNo\":1,\"name\":\"矿泉水 550ml\",\"quantity\":2,\"amountMinor\":270,"
            + "\"voided\":false},{\"lineNo\":2,\"name\":\"Apples\",\"quantity\":1,\"weightGrams\":384,"
            + "\"amountMinor\":495,\"voided\":false},{\"lineNo\":3,\"name\":\"Juice\",\"quantity\":1,"
            + "\"regularMinor\":350,\"amountMinor\":0,\"voided\":true}";

    private static String sale(String status, String lines) {
        boolean done = status.equals("COMPLETED");
        return "{\"saleId\":\"S-1\",\"lane\":\"01\",\"status\":\"" + status + "\",\"lines\":[" + lines + "],"
                + "\"member\":{\"cardNo\":\"M0001\",\"name\":\"张三\",\"pointsBalance\":500},"
                + "\"savingMinor\":" + (lines.isEmpty() ? 0 : 30) + ",\"totalMinor\":" + (lines.isEmpty() ? 0 : 765)
                + ",\"currency\":\"CNY\",\"changeMinor\":" + (done ? 1235 : 0) + "}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Runs a test's till against the fake agent, paired on its first sign-in by an installer's code. */
    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pos.agent-url", get().url(), "pos.pairing-code", PAIRING_CODE,
                    "pos.data-dir", "target/pos-data-" + System.nanoTime());
        }
    }

    /** The same, with a till nobody has paired yet. */
    public static final class Unpaired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pos.agent-url", get().url(), "pos.data-dir", "target/pos-data-" + System.nanoTime());
        }
    }
}
