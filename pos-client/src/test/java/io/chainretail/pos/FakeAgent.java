package io.chainretail.pos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store agent's till API as far as the till's own tests need it: cashier 1001 signs in with PIN 1234, an
 * X report is there to read, and every call that reaches it is counted (a refused call must not).
 */
final class FakeAgent {

    static final String TOKEN = "fake-agent-token";
    private static FakeAgent running;

    final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;

    private FakeAgent() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
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

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean signedIn = TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Till-Token"));
        if (!path.equals("/api/sync")) {
            calls.incrementAndGet();
        }
        if (path.equals("/api/sync")) {
            reply(exchange, 200, "{\"connected\":true}");
        } else if (path.equals("/api/till/signin")) {
            reply(exchange, body.contains("\"pin\":\"1234\"") ? 200 : 401, body.contains("\"pin\":\"1234\"")
                    ? "{\"token\":\"" + TOKEN + "\",\"cashier\":\"1001\"}"
                    : "{\"code\":\"BAD_CREDENTIALS\",\"message\":\"Wrong cashier or PIN.\"}");
        } else if (!signedIn) {
            reply(exchange, 401, "{\"code\":\"SESSION_EXPIRED\",\"message\":\"Sign in again.\"}");
        } else if (path.equals("/api/till/shift")) {
            reply(exchange, 200, "{\"lane\":\"01\",\"expectedCashMinor\":10000}");
        } else {
            reply(exchange, 200, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Runs a test's till against the fake agent. */
    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pos.agent-url", get().url());
        }
    }
}
