package io.chainretail.hq.broker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A plain Paho v5 client for the ACL tests: what the broker lets it do, and what reaches it. */
final class BrokerClient implements AutoCloseable {

    /** A message as received: topic and text. */
    record Received(String topic, String text) {
    }

    private final MqttAsyncClient client;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** Counts down when the broker ends the connection. */
    final java.util.concurrent.CountDownLatch disconnections = new java.util.concurrent.CountDownLatch(1);

    private BrokerClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects under the account's own client id (its username), or throws the broker's refusal. */
    static BrokerClient connect(String url, String username, String password) throws MqttException {
        return connect(url, username, password, username == null ? "acl-test-" + System.nanoTime() : username);
    }

    /** Connects as {@code clientId}, or throws the broker's refusal. */
    static BrokerClient connect(String url, String username, String password, String clientId)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        BrokerClient wrapper = new BrokerClient(client);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
                wrapper.disconnections.countDown();
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                wrapper.received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(5);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return wrapper;
    }

    /** Subscribes; true when the broker granted it (a reason code below 0x80, no disconnect). */
    boolean subscribe(String filter) {
        try {
            IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
            token.waitForCompletion(5_000);
            int[] codes = token.getReasonCodes();
            return codes != null && codes.length > 0 && codes[0] < 0x80;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Publishes at QoS 1; true when the broker acknowledged it without an error reason code. */
    boolean publish(String topic, String text) {
        try {
            IMqttToken token = client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
            token.waitForCompletion(5_000);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 || codes[0] < 0x80;
        } catch (MqttException e) {
            return false;
        }
    }

    boolean connected() {
        return client.isConnected();
    }

    Received next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(2_000);
        }
        client.close(true);
    }
}
