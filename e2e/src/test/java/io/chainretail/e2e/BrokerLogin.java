package io.chainretail.e2e;

import io.chainretail.core.mqtt.MqttSettings;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** Where a test client connects and as whom: HQ's embedded broker lets in only accounts HQ knows. */
public record BrokerLogin(String url, String username, String password) {

    /** A broker that takes anyone, like the machine's Mosquitto. */
    public static BrokerLogin anonymous(String url) {
        return new BrokerLogin(url, null, null);
    }

    public MqttSettings settings(String clientId) {
        MqttSettings settings = MqttSettings.of(url, clientId);
        return username == null ? settings : settings.withCredentials(username, password);
    }

    /** Adds the credentials to raw Paho options. */
    public MqttConnectionOptions apply(MqttConnectionOptions options) {
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }
}
