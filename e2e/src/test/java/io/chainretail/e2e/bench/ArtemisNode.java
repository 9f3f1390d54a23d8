package io.chainretail.e2e.bench;

import io.chainretail.e2e.BrokerLogin;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * One Apache ActiveMQ Artemis broker with an MQTT acceptor, as HQ embeds it (persistent journal, no security), on
 * its own, or as a node of a cluster: a core acceptor for the cluster's bridges and a cluster connection to its
 * peers, routing a message to another node only when that node has a subscriber for it (ON_DEMAND).
 */
final class ArtemisNode implements AutoCloseable {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int mqttPort;
    private final int corePort;

    private ArtemisNode(int mqttPort, int corePort) {
        this.mqttPort = mqttPort;
        this.corePort = corePort;
    }

    /** Ports for a node: so that a cluster's nodes know each other's before any of them starts. */
    static ArtemisNode planned() throws IOException {
        return new ArtemisNode(freePort(), freePort());
    }

    /** Starts the node, alone ({@code peers} empty) or clustered with {@code peers}. */
    ArtemisNode start(Path dir, List<ArtemisNode> peers) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("node-" + corePort)
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalSyncTransactional(false)
                .setJournalSyncNonTransactional(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + mqttPort + "?protocols=MQTT");
        if (!peers.isEmpty()) {
            config.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + corePort + "?protocols=CORE");
            config.addConnectorConfiguration("self", "tcp://127.0.0.1:" + corePort);
            for (ArtemisNode peer : peers) {
                config.addConnectorConfiguration("peer-" + peer.corePort, "tcp://127.0.0.1:" + peer.corePort);
            }
            config.setClusterUser("cluster").setClusterPassword("cluster-bench");
            config.addClusterConfiguration(new ClusterConnectionConfiguration()
                    .setName("bench-cluster")
                    .setAddress("")
                    .setConnectorName("self")
                    .setStaticConnectors(peers.stream().map(peer -> "peer-" + peer.corePort).toList())
                    .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                    .setMaxHops(1)
                    .setRetryInterval(500));
        }
        server.setConfiguration(config);
        server.start();
        return this;
    }

    BrokerLogin login() {
        return BrokerLogin.anonymous("tcp://127.0.0.1:" + mqttPort);
    }

    /** Whether the node's cluster bridges to {@code peers} others are up. */
    boolean bridgedTo(int peers) {
        var clusters = server.getActiveMQServer().getClusterManager().getClusterConnections();
        return clusters.stream().allMatch(cluster -> cluster.getNodes().size() >= peers);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
