package io.chainretail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON over HTTP for the tests, the way any client of our APIs would call them. */
public final class Http {

    /** Status, parsed body and headers of a response. */
    public record Reply(int status, JsonNode body, HttpHeaders headers) {

        /** Milliseconds the server reported for {@code name} in its Server-Timing header. */
        public double serverMillis(String name) {
            for (String metric : headers.firstValue("Server-Timing").orElse("").split(",\\s*")) {
                if (metric.startsWith(name + ";dur=")) {
                    return Double.parseDouble(metric.substring(name.length() + 5));
                }
            }
            throw new IllegalStateException("no Server-Timing for " + name + " in " + headers.map());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps cookies as a browser would: a till's session is the cookie its sign-in set. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Bearer tokens by server base URL: requests to a server signed in to carry its token. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Http() {
    }

    /**
     * Signs in to the server at {@code baseUrl} (HQ) as {@code user}; every later request to it carries the
     * session's bearer token, as the HQ console does.
     */
    public static void signIn(String baseUrl, String user, String password) {
        TOKENS.remove(baseUrl);
        Reply reply = post(baseUrl + "/api/auth/signin", "{\"username\":\"" + user + "\",\"password\":\""
                + password + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("cannot sign in to " + baseUrl + " as " + user + ": " + reply.body());
        }
        TOKENS.put(baseUrl, reply.body().path("token").asText());
    }

    public static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Reply post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts JSON with one extra header, e.g. a till's session token. */
    public static Reply post(String url, String json, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Gets with one extra header. */
    public static Reply get(String url, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET());
    }

    /** Puts JSON with one extra header. */
    public static Reply put(String url, String json, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(header, value).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a body of the given content type, e.g. a CSV file. */
    public static Reply post(String url, String body, String contentType) {
        return post(url, body, contentType, TIMEOUT);
    }

    /** The same, for a request that may take longer than usual to answer (a catalog of a million rows). */
    public static Reply post(String url, String body, String contentType, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), timeout);
    }

    public static Reply put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    /** JSON bodies parsed; anything else (an HTML page) kept as text. */
    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static Reply send(HttpRequest.Builder builder) {
        return send(builder, TIMEOUT);
    }

    private static Reply send(HttpRequest.Builder builder, Duration timeout) {
        HttpRequest request = builder.timeout(timeout).build();
        String url = request.uri().toString();
        for (Map.Entry<String, String> signedIn : TOKENS.entrySet()) {
            if (url.startsWith(signedIn.getKey() + "/") && request.headers().firstValue("Authorization").isEmpty()) {
                request = HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Authorization", "Bearer " + signedIn.getValue()).build();
            }
        }
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
