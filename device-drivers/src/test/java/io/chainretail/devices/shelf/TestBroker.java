package io.chainretail.devices.shelf;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An in-memory MQTT broker on a free loopback port (Artemis, as HQ embeds it), for one test class. */
final class TestBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int port;

    TestBroker() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path dir = Path.of("target", "test-broker-" + port);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("test-broker").setPersistenceEnabled(false).setSecurityEnabled(false)
                .setJMXManagementEnabled(false).setPagingDirectory(dir.resolve("paging").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString());
        config.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + port + "?protocols=MQTT");
        server.setConfiguration(config);
        server.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
