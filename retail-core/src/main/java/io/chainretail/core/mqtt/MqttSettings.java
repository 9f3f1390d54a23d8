package io.chainretail.core.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How to connect: broker URL ({@code tcp://} or {@code ssl://}), a stable client id (so the broker keeps
 * the session), optional credentials, the session expiry, the publish window, an optional last-will, and
 * for TLS an optional trust store (else the JVM's trusted authorities).
 */
public record MqttSettings(
        String url,
        String clientId,
        String username,
        String password,
        Duration sessionExpiry,
        int window,
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
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
    }

    public static MqttSettings of(String url, String clientId) {
        return new MqttSettings(url, clientId, null, null, Duration.ofDays(7), 64, null, null, null);
    }

    public MqttSettings withCredentials(String user, String secret) {
        return new MqttSettings(url, clientId, user, secret, sessionExpiry, window, willTopic, willPayload,
                trustStore);
    }

    public MqttSettings withWill(String topic, byte[] payload) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, window, topic, payload, trustStore);
    }

    public MqttSettings withWindow(int inFlight) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, inFlight, willTopic, willPayload,
                trustStore);
    }

    public MqttSettings withSessionExpiry(Duration expiry) {
        return new MqttSettings(url, clientId, username, password, expiry, window, willTopic, willPayload,
                trustStore);
    }

    public MqttSettings withTrustStore(TrustStore store) {
        return new MqttSettings(url, clientId, username, password, sessionExpiry, window, willTopic, willPayload,
                store);
    }
}
