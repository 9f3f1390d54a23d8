package io.chainretail.e2e.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on kept-alive connections ({@link HttpURLConnection}), for timing requests
 * the way a till sends them: one request at a time on an open connection. The JDK's {@code HttpClient},
 * which the tests use, hands each request and its body between its own threads; on two shared cores
 * that added about half a millisecond to every round trip at the median (the health check's p50 was
 * 1.0-1.3 ms with it, 0.5 ms with this) that neither the server nor the network spent.
 */
final class LeanHttp {

    /** Status, body and the Server-Timing header of a response. */
    record Reply(int status, String body, String serverTiming) {

        /** Milliseconds the server reported for {@code name}. */
        double serverMillis(String name) {
            for (String metric : (serverTiming == null ? "" : serverTiming).split(",\\s*")) {
                if (metric.startsWith(name + ";dur=")) {
                    return Double.parseDouble(metric.substring(name.length() + 5));
                }
            }
            throw new IllegalStateException("no Server-Timing for " + name + ": " + serverTiming);
        }
    }

    private LeanHttp() {
    }

    static Reply get(String url) {
        return send(url, "GET", null, null, null);
    }

    static Reply getWith(String url, String header, String value) {
        return send(url, "GET", null, header, value);
    }

    /** Posts JSON with one extra header (a till's session token); anything but 200 fails. */
    static Reply post(String url, String json, String header, String value) {
        Reply reply = send(url, "POST", json, header, value);
        if (reply.status() != 200) {
            throw new AssertionError(url + " " + json + ": " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    private static Reply send(String url, String method, String json, String header, String value) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            if (header != null) {
                connection.setRequestProperty(header, value);
            }
            if (json != null) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // Read to the end and close, so the connection goes back to the keep-alive cache.
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Reply(status, text, connection.getHeaderField("Server-Timing"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        }
    }
}
