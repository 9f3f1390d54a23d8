package io.chainretail.hq.broker;

import io.chainretail.hq.HqConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.jboss.logging.Logger;

/**
 * The in-process MQTT 5 broker (Apache ActiveMQ Artemis with its MQTT acceptor), started when no
 * external broker is configured. Why Artemis: docs/decisions/0001-embedded-broker.md.
 */
@Singleton
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    private final HqConfig config;
    private final BrokerAccounts accounts;
    private EmbeddedActiveMQ server;
    private int port;
    private int tlsPort;

    public EmbeddedBroker(HqConfig config, BrokerAccounts accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    /** Starts before anything that connects to it. */
    void onStart(@Observes @Priority(1) StartupEvent event) throws Exception {
        if (config.mqtt().url().isPresent()) {
            return;
        }
        port = config.broker().port() == 0 ? freePort() : config.broker().port();
        Path dir = Path.of(config.dataDir(), "broker").toAbsolutePath();
        Configuration artemis = new ConfigurationImpl()
                .setName("hq-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(config.broker().requireCredentials())
                // Every connection is signed in afresh: a cached sign-in would skip the client id check, and
                // a replaced password stops working at once.
                .setAuthenticationCacheSize(0)
                .setJournalType(JournalType.NIO)
                .setJournalSyncTransactional(config.broker().journalSync())
                .setJournalSyncNonTransactional(config.broker().journalSync())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setJMXManagementEnabled(false);
        artemis.addAcceptorConfiguration("mqtt",
                "tcp://" + config.broker().host() + ":" + port + "?protocols=MQTT");
        HqConfig.Tls tls = config.broker().tls();
        if (tls.keyStore().isPresent()) {
            tlsPort = tls.port() == 0 ? freePort() : tls.port();
            String keyStore = Path.of(tls.keyStore().get()).toAbsolutePath().toString();
            artemis.addAcceptorConfiguration("mqtts", "tcp://" + tls.host() + ":" + tlsPort
                    + "?protocols=MQTT;sslEnabled=true;keyStorePath=" + keyStore
                    + ";keyStoreType=" + (keyStore.endsWith(".jks") ? "JKS" : "PKCS12")
                    + tls.keyStorePassword().map(password -> ";keyStorePassword=" + password).orElse(""));
            LOG.infof("Embedded MQTT broker listening for TLS on ssl://%s:%d", tls.host(), tlsPort);
        }
        server = new EmbeddedActiveMQ();
        server.setConfiguration(artemis);
        server.setSecurityManager(new ArtemisBrokerSecurity(accounts));
        server.start();
        LOG.infof("Embedded MQTT broker listening on tcp://%s:%d (data in %s)%s", config.broker().host(), port, dir,
                config.broker().requireCredentials() ? ""
                        : "; WITHOUT credentials or ACL (hq.broker.require-credentials=false)");
    }

    void onStop(@Observes @Priority(10_000) ShutdownEvent event) throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** The URL clients use to reach the embedded broker, or empty when an external one is configured. */
    public String url() {
        if (server == null) {
            throw new IllegalStateException("the embedded broker is not running");
        }
        String host = "0.0.0.0".equals(config.broker().host()) ? "127.0.0.1" : config.broker().host();
        return "tcp://" + host + ":" + port;
    }

    /** The TLS listener's port, or 0 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    public boolean isRunning() {
        return server != null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
