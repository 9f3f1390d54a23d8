package io.chainretail.core.mqtt;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to connect: broker URL ({@code tcp://} or {@code ssl://}), or several separated by commas (the first
 * is the home broker, the others are tried in order whenever it cannot be reached), a stable client id (so
 * the broker keeps the session), optional credentials, the session expiry, the publish window, how many QoS 1
 * messages the broker may have in flight to us (the receive maximum: they wait in memory until handled), an
 * optional last-will, and for TLS an optional trust store (else the JVM's trusted authorities).
 */
public record MqttSettings(
        String url,
        String clientId,
        String username,
        String password,
        Duration sessionExpiry,
        int window,
        int receiveMaximum,
        String willTopic,
        byte[] willPayload,
        TrustStore trustStore) {

    /** A PKCS12 or JKS file with the certificate authorities a TLS broker's certificate is checked against. */
    public record TrustStore(String path, String password) {
        public TrustStore {
            Objects.requireNonNull(path, "path");
        }
    }

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        if (brokers(url).isEmpty()) {
            throw new IllegalArgumentException("url must name a broker, was '" + url + "'");
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1 to 65535, was " + receiveMaximum);
        }
    }

    /** The broker URLs, the home broker first. */
    public List<String> brokers() {
        return brokers(url);
    }

    private static List<String> brokers(String url) {
        return Arrays.stream(url.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    public static MqttSettings of(String url, String clientId) {
        return new MqttSettings(url, clientId, null, null, Duration.ofDays(7), 64, 1000, null, null, null);
    }

    public MqttSettings withCredentials(String user, String secret) {
        return new MqttSettings(url, clientId, user, secret, sessionExpiry, window, receiveMaximum, willTopic,
                willPayload, trustStore);
    }

    public MqttSettings withWill(String topic, byte[] payload) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, window, receiveMaximum, topic,
                payload, trustStore);
    }

    public MqttSettings withWindow(int inFlight) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, inFlight, receiveMaximum,
                willTopic, willPayload, trustStore);
    }

    public MqttSettings withSessionExpiry(Duration expiry) {
        return new MqttSettings(url, clientId, username, password, expiry, window, receiveMaximum, willTopic,
                willPayload, trustStore);
    }

    /** At most {@code messages} QoS 1 messages in flight from the broker to us, waiting to be handled. */
    public MqttSettings withReceiveMaximum(int messages) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, window, messages, willTopic,
                willPayload, trustStore);
    }

    public MqttSettings withTrustStore(TrustStore store) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, window, receiveMaximum,
                willTopic, willPayload, store);
    }
}
