package io.chainretail.hq;

import io.smallrye.config.ConfigMapping;
import io.chainretail.core.gtin.VariableMeasure;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code hq.*}; the module README has the table. */
@ConfigMapping(prefix = "hq")
public interface HqConfig {

    /** The chain code in every topic, e.g. {@code demo}. Letters, digits, '-' and '_'. */
    String chain();

    /**
     * The one currency the chain prices in, default CNY ({@link io.chainretail.hq.pricing.ChainCurrency} reads it
     * where no bean can be injected).
     */
    @WithDefault("CNY")
    String currency();

    /** Folder for the H2 database and the embedded broker's journal. Default {@code data/hq}. */
    String dataDir();

    /**
     * How long a stopping process may take before it ends itself, whatever it is waiting for (a
     * service manager's SIGTERM must end it). Default 8 s, so it is gone within 10 s.
     */
    @WithDefault("8s")
    Duration shutdownGrace();

    /** The MQTT connection of HQ. */
    Mqtt mqtt();

    /** The embedded broker, started only when {@code hq.mqtt.url} is not set. */
    Broker broker();

    /** The outbox publisher. */
    Outbox outbox();

    /** The ingest of stores' uplinked events. */
    Ingest ingest();

    Http http();

    /** Demo data loaded at start-up into an empty catalog. */
    Demo demo();

    /** How HQ judges stores' sync status. */
    Sync sync();

    Catalog catalog();

    /** Store prices. */
    Pricing pricing();

    /** Sign-in and sessions. */
    Auth auth();

    /** The customers' shop ({@code /shop/}, {@code /api/shop}). */
    Shop shop();

    interface Shop {
        /**
         * Orders one address may place through the shop within an hour: each order reserves stock at a store until
         * it is collected or expires, so a script must not empty a store's shelves with orders nobody collects.
         * Counted per HQ instance, by the client's address (behind a proxy, let Quarkus read the forwarded address:
         * {@code quarkus.http.proxy.proxy-address-forwarding=true}). Default 10.
         */
        @WithDefault("10")
        int ordersPerHour();
    }

    interface Auth {
        /** A session ends after this long without a request. Default 8 h (a working day). */
        @WithDefault("8h")
        java.time.Duration sessionTimeout();

        /** Failed sign-ins in a row that lock an account. Default 5. */
        @WithDefault("5")
        int maxFailedSignins();

        /** How long a locked account stays locked (an HQ admin's password reset unlocks it). Default 15 min. */
        @WithDefault("15m")
        java.time.Duration lockout();

        /** Shortest password accepted. Default 10. */
        @WithDefault("10")
        int minPasswordLength();

        /**
         * The password of the first HQ admin ({@code admin}), created when HQ has no users. Unset: a random
         * one is generated and written to {@code <data-dir>/admin-password.txt}, readable by HQ's user only.
         */
        Optional<String> adminPassword();
    }

    /** What stores may do with prices. */
    interface Pricing {
        /**
         * How far a store's manager may move a product's price from HQ's where HQ set no bound for the product,
         * in basis points either way (5000 = 50%), for every store HQ gives no limit of its own. Default 5000.
         */
        @WithDefault("5000")
        int defaultPriceOverrideMaxBp();
    }

    /** Catalog rules. */
    interface Catalog {
        /**
         * Which variable-measure EAN-13 prefixes (20-29) scales print prices and which weights into,
         * e.g. {@code 20-24:price,25-29:weight}; such codes identify a weighed product by its PLU and
         * are refused as a product's fixed barcode.
         */
        @WithDefault(VariableMeasure.DEFAULT)
        String variableMeasure();
    }

    interface Sync {
        /**
         * A store whose last status report is older than this counts as offline, even if the broker
         * never delivered its last-will (Artemis holds it until the session expires). Stores report
         * every 5 s by default. Default 20 s.
         */
        @WithDefault("20s")
        Duration offlineAfter();

        /**
         * An online store that keeps reporting the same position behind a feed for this long is sent what it misses
         * without asking: its own request may have been lost on the way. Stores report every 5 s by default.
         * Default 20 s; each further answer to a store that still does not move waits twice as long (at most 10
         * minutes), so a store slowly writing a large snapshot is not sent it again and again.
         */
        @WithDefault("20s")
        Duration stalledAfter();

        /**
         * How long published deltas are kept for stores that missed them; a store further behind gets a
         * snapshot instead.
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often deltas past the retention are deleted. */
        @WithDefault("1m")
        Duration retentionCheck();

        /** Deltas per {@code sync/reply} message when a store catches up. */
        @WithDefault("500")
        int replyBatch();

        /**
         * A store gets a snapshot instead of deltas when it misses more deltas than this fraction of the
         * feed's rows: a snapshot replaces every row, deltas touch only theirs, at about the same cost each.
         */
        @WithDefault("0.5")
        double snapshotRatio();

        /** Rows per snapshot chunk. */
        @WithDefault("1000")
        int snapshotChunk();
    }

    interface Mqtt {
        /**
         * URL of an external broker, e.g. {@code tcp://mosquitto:1883}, or of several separated by commas (each
         * store's agent names its own home broker among them; HQ connects to all). Unset: HQ starts its embedded
         * broker and connects to that.
         */
        Optional<List<String>> url();

        /**
         * Broker user name for HQ. An external broker gets credentials only when this is set; the embedded
         * broker's HQ account is called {@code hq} unless this says otherwise.
         */
        Optional<String> username();

        /**
         * Broker password for HQ. Unset with the embedded broker: a random one each start (set it to use the
         * HQ account from outside, e.g. with {@code mosquitto_sub}).
         */
        Optional<String> password();

        /**
         * For an external broker at an {@code ssl://} URL: the trust store (PKCS12, or JKS by its {@code .jks}
         * name) holding the authority that signed the broker's certificate. Unset: the JVM's own.
         */
        Optional<String> trustStore();

        Optional<String> trustStorePassword();

        /** Client id; stable so the broker keeps HQ's session. Default {@code hq-1}. */
        @WithDefault("hq-1")
        String clientId();

        /** QoS 1 publishes in flight at once (capped below the broker's receive maximum). Default 64. */
        @WithDefault("64")
        int window();

        /**
         * Messages the broker may have in flight to HQ, each acknowledged once handled (the MQTT 5 receive
         * maximum): with stores' backlogs of up to 100 sales a message, this bounds what waits in HQ's heap while
         * a chain drains after an outage. Default 100.
         */
        @WithDefault("100")
        int receiveMaximum();

        /** How long the broker keeps HQ's session while it is away. Default 7 days. */
        @WithDefault("P7D")
        Duration sessionExpiry();
    }

    interface Broker {
        /** Address the embedded broker listens on. Default {@code 127.0.0.1}; {@code 0.0.0.0} for stores. */
        @WithDefault("127.0.0.1")
        String host();

        /**
         * MQTT port of the embedded broker. Default 1884, so it never collides with a system broker
         * on 1883; 0 picks a free port (tests).
         */
        @WithDefault("1884")
        int port();

        /**
         * Whether the broker's journal is fsynced on every message. Default {@code false}: stores resend
         * unacknowledged events and HQ's outbox resends deltas, so the broker need not be durable.
         */
        @WithDefault("false")
        boolean journalSync();

        /**
         * Whether the embedded broker lets in only HQ and stores with credentials HQ issued, each limited to
         * its own topics ({@code POST /api/broker/credentials/{store}}). Default {@code true}; turn it off
         * only while moving existing stores onto credentials.
         */
        @WithDefault("true")
        boolean requireCredentials();

        /** MQTT over TLS for the stores, on a port of its own; off until a key store is given. */
        Tls tls();
    }

    interface Tls {
        /**
         * The broker's certificate and private key: a PKCS12 file ({@code .p12}, {@code .pfx}) or a JKS file
         * ({@code .jks}). Set: the embedded broker also listens for {@code ssl://} on {@link #port()}.
         */
        Optional<String> keyStore();

        Optional<String> keyStorePassword();

        /** Address of the TLS listener. Default {@code 0.0.0.0}: stores connect from other hosts. */
        @WithDefault("0.0.0.0")
        String host();

        /** Port of the TLS listener. Default 8883, MQTT's TLS port; 0 picks a free one (tests). */
        @WithDefault("8883")
        int port();
    }

    interface Outbox {
        /**
         * How often the publisher looks for unpublished deltas it was not told about (a failed publish,
         * a row written outside {@code FeedOutbox}). Committed changes are published at once. Default 1 s.
         */
        @WithDefault("1s")
        Duration poll();

        /** Most deltas published per round. Default 1000. */
        @WithDefault("1000")
        int batch();
    }

    interface Ingest {
        /**
         * Most uplinked events stored in one transaction. Events that arrive together (a store back
         * online sends its whole backlog) share a commit and one acknowledgement per store. Default 500.
         */
        @WithDefault("500")
        int batch();

        /**
         * Largest uplink message read, in bytes; a larger one is rejected unread and counted. A store sends
         * its backlog in batches of at most 100 events, well under this. Default 4194304 (4 MiB).
         */
        @WithDefault("4194304")
        int maxMessageBytes();

        /**
         * Largest payload of one uplinked event, in characters; a larger event is held in the quarantine
         * (a sale of 500 lines is about 150,000). Default 262144.
         */
        @WithDefault("262144")
        int maxEventBytes();
    }

    interface Http {
        /** Largest request body of an API call, in bytes, but for sign-in (16 KiB) and imports. Default 1 MiB. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /**
         * Largest CSV import, in bytes (a 100,000-product import is about 10 MB); the server-wide
         * {@code quarkus.http.limits.max-body-size} must be at least this. Default 200 MiB.
         */
        @WithDefault("209715200")
        long maxImportBytes();
    }

    interface Demo {
        /** Number of demo products created at start-up if the catalog is empty. Default 0 (none). */
        @WithDefault("0")
        int products();

        /** Store codes created with the demo data, e.g. {@code 0001,0002}. Default none. */
        Optional<java.util.List<String>> stores();
    }
}
