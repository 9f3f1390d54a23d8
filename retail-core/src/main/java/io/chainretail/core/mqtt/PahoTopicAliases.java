package io.chainretail.core.mqtt;

import java.lang.reflect.Field;
import java.util.Hashtable;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * Keeps Paho from sending a publish by topic alias alone. Paho 1.2.5 (its last release) gives outgoing
 * publishes topic aliases whenever the broker allows them, and sends a topic's later publishes with the
 * alias and no topic name; the publish it keeps for a resend is that aliased one. After a reconnect with its
 * session, Paho sends the publishes that were in flight again, by an alias the new connection never set up:
 * Mosquitto drops the connection for a protocol error, Paho reconnects and sends them again, for ever (a
 * store or HQ cut off until restarted).
 *
 * <p>The alias table Paho looks topics up in is replaced by one that never finds a topic: every publish
 * then carries its topic name (the first ones of a connection with a new alias beside it, which is valid),
 * so a publish sent again on any connection is understood. Paho's internals are reached by reflection, here
 * only; if they cannot be, the link still works against brokers that offer no aliases, and says so.
 */
final class PahoTopicAliases {

    private PahoTopicAliases() {
    }

    /** An alias table that never holds a topic. */
    private static final class NeverFound extends Hashtable<String, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized boolean containsKey(Object key) {
            return false;
        }

        @Override
        public synchronized Integer put(String key, Integer value) {
            return null;
        }
    }

    /** Turns alias-only publishes off for this client; the problem when that could not be done. */
    static Optional<String> sendTopicNamesAlways(MqttAsyncClient client) {
        try {
            Field comms = MqttAsyncClient.class.getDeclaredField("comms");
            comms.setAccessible(true);
            Object clientComms = comms.get(client);
            Object clientState = clientComms.getClass().getMethod("getClientState").invoke(clientComms);
            Field aliases = clientState.getClass().getDeclaredField("outgoingTopicAliases");
            aliases.setAccessible(true);
            aliases.set(clientState, new NeverFound());
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("cannot keep Paho from publishing by topic alias alone (" + e + "); a broker that "
                    + "offers topic aliases may drop this client after a reconnect (Mosquitto: max_topic_alias 0)");
        }
    }
}
