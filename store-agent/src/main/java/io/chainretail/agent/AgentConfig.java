package io.chainretail.agent;

import io.smallrye.config.ConfigMapping;
import io.chainretail.core.gtin.VariableMeasure;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings under {@code agent.*}; the module README has the table. */
@ConfigMapping(prefix = "agent")
public interface AgentConfig {

    /** The chain code, as HQ's {@code hq.chain}. */
    String chain();

    /** This store's code, e.g. {@code 0001}. */
    String store();

    /** Folder of the store's H2 database. Default {@code data/store-{store}}. */
    String dataDir();

    /**
     * How long a stopping process may take before it ends itself, whatever it is waiting for (a
     * service manager's SIGTERM must end it). Default 8 s, so it is gone within 10 s.
     */
    @WithDefault("8s")
    Duration shutdownGrace();

    /**
     * Most change a till gives, in minor units: cash typed beyond the total plus this is refused as a
     * typing slip (a tender of 9,223,372,036,854,775,807 once printed its change). Default 100000 (1,000.00).
     */
    @WithDefault("100000")
    long maxChangeMinor();

    /**
     * Till users of the store's own as {@code id:pin:role} (role cashier or manager), for ids HQ has not
     * sent: the demo's, or a store's before HQ manages its staff. Default none.
     */
    Optional<List<String>> cashiers();

    /**
     * Wrong PINs in a row (at sign-in or for a manager's approval) after which that id is locked for
     * {@code pin-lockout}. Default 5.
     */
    @WithDefault("5")
    int maxPinFailures();

    /** How long an id stays locked after too many wrong PINs. Default 5 min. */
    @WithDefault("5m")
    Duration pinLockout();

    /**
     * Whether a cashier can sign in only at a lane paired with this agent (a one-time code from the manager
     * console, traded by the till for a key of its own). Default true; false lets any machine that reaches
     * the agent sign in at any lane, and is logged as a warning at every start.
     */
    @WithName("lane-pairing.required")
    @WithDefault("true")
    boolean lanePairingRequired();

    /** How long a lane's pairing code may be used. Default 15 min. */
    @WithName("lane-pairing.code-validity")
    @WithDefault("15m")
    Duration lanePairingCodeValidity();

    /**
     * How long an online order stays ready for collection before it expires and its goods go back on sale.
     * Default 3 days.
     */
    @WithName("orders.collect-within")
    @WithDefault("P3D")
    Duration ordersCollectWithin();

    /** How long a till sign-in lasts without activity. Default 12 h (a long shift). */
    @WithDefault("12h")
    Duration sessionTimeout();

    Mqtt mqtt();

    Uplink uplink();

    Points points();

    Status status();

    /**
     * The devices of each lane, by lane code: {@code agent.lanes."01".printer=tcp://10.0.0.31:9100}. A
     * lane without devices sells all the same (receipts are shown on the till).
     */
    Map<String, LaneDevices> lanes();

    /**
     * How long after a cash sale its drawer pulse may still be sent: a printer out of reach for longer must
     * not open the drawer later, unattended (the pulse is dropped and logged). Default 5 s.
     */
    @WithDefault("5s")
    Duration drawerPulseValidFor();

    /** How long a printer has to confirm a receipt before the till offers a reprint. Default 5 s. */
    @WithDefault("5s")
    Duration receiptConfirmWithin();

    /** One lane's devices. */
    interface LaneDevices {
        /**
         * The receipt printer: {@code tcp://host:9100}, {@code serial:/dev/ttyUSB0?baud=19200},
         * {@code file:/dev/usb/lp0}, {@code usb:04b8:0e15} (optionally {@code ?serial=...}), or {@code simulated}
         * (a printer simulator in the agent, for the demo:
         * its receipts are text and PNG files under the data folder).
         */
        Optional<String> printer();

        /** The printer model: {@code generic-80mm} (default), {@code generic-58mm}, {@code epson-tm-t88}. */
        @WithDefault("generic-80mm")
        String printerProfile();

        /**
         * The barcode scanner: serial or USB CDC-ACM ({@code serial:/dev/ttyACM0}) or USB HID POS
         * ({@code usb:0c2e:0b61}, vendor and product id from lsusb).
         */
        Optional<String> scanner();

        /**
         * What ends each scan: {@code ANY} (default: CR, LF or CR LF, whichever the scanner sends), or strictly
         * {@code CR}, {@code LF} or {@code CRLF}.
         */
        @WithDefault("ANY")
        String scannerSuffix();

        /**
         * The start of a scan not ended within this long is dropped and reported as a misread, not glued to the
         * next scan (a scanner sends a whole scan within milliseconds).
         */
        @WithDefault("300ms")
        Duration scannerFragmentTimeout();

        /** Characters the scanner sends before each scan, if it is set up to. */
        Optional<String> scannerPrefix();

        /**
         * The customer (pole) display, 2x20 characters, speaking the ESC/POS display commands:
         * {@code serial:/dev/ttyUSB1?baud=9600} or {@code tcp://host:port}.
         */
        Optional<String> display();

        /** The display's characters: {@code ascii} (default; others show as ?) or {@code gb18030} (Chinese). */
        @WithDefault("ascii")
        String displayCharset();

        /** The weighing scale: {@code serial:/dev/ttyS0?baud=9600}; its weight prices a weighed item not keyed in. */
        Optional<String> scale();

        /**
         * How the scale talks: {@code cas} (default; CAS and A&D continuous output), {@code toledo-continuous}
         * or {@code toledo-request} (Toledo 8213/8217 demand mode).
         */
        @WithDefault("cas")
        String scaleProtocol();
    }

    /** What an idle customer display shows on its upper line (the lower one stays empty). Default Welcome. */
    @WithDefault("Welcome")
    String displayGreeting();

    /**
     * The store's smart shelves, by shelf code: {@code agent.shelves."A1".sensor=modbus-tcp://10.0.0.50:502}.
     * A store without smart shelves has none.
     */
    Map<String, Shelf> shelves();

    /** One weighing shelf: where to read it and what lies on each slot. */
    interface Shelf {
        /**
         * {@code modbus-rtu:/dev/ttyUSB0?baud=9600} (RS-485), {@code modbus-tcp://host:502} (an RS-485
         * gateway), {@code mqtt:<topic>} (a shelf that publishes JSON to {@code agent.shelf-broker}), or
         * {@code simulated} (a Modbus TCP shelf simulator inside the agent, for the demo).
         */
        String sensor();

        /** The shelf's Modbus unit id. Default 1. */
        @WithDefault("1")
        int unit();

        /**
         * Slot 0 first, each {@code sku:tare-grams:unit-grams:low-stock-units}, e.g.
         * {@code COLA-330:120:350:2,RICE-500:80:500:3}.
         */
        List<String> slots();

        /** How often a polled shelf is read. Default 1 s. */
        @WithDefault("1s")
        Duration interval();
    }

    /** The store's own MQTT broker that MQTT shelves publish to (not HQ's). */
    Optional<String> shelfBroker();

    ShelfAlerts shelfAlerts();

    /** When a shelf alerts the store manager (and HQ). */
    interface ShelfAlerts {
        /** How often shelves are checked against their low-stock levels and the books. Default 5 s. */
        @WithDefault("5s")
        Duration check();

        /**
         * A discrepancy is a slot whose count differs from the stock ledger's units on hand by more than
         * this. Default 1.
         */
        @WithDefault("1")
        int tolerance();

        /**
         * How long shelf and books must disagree before it is an alert: a customer carrying goods to the
         * till is not one. Default 15 min.
         */
        @WithDefault("15m")
        Duration discrepancyAfter();
    }

    /**
     * Which scale-label prefixes carry a price and which a weight, e.g. {@code 20-24:price,25-29:weight};
     * the same scheme as HQ's {@code hq.catalog.variable-measure}; {@code none} turns scale labels off.
     */
    @WithDefault(VariableMeasure.DEFAULT)
    String variableMeasure();

    interface Status {
        /** How often the store reports its status and feed positions to HQ. Default 5 s. */
        @WithDefault("5s")
        Duration interval();
    }

    interface Mqtt {
        /**
         * The store's home broker, HQ's embedded one by default ({@code tcp://127.0.0.1:1884}), then, separated by
         * commas, brokers to fail over to, tried in order whenever the home broker cannot be reached.
         */
        List<String> url();

        /**
         * Client id; stable so the broker keeps the store's session. Default {@code store-{store}}, the
         * username HQ issues; HQ's broker refuses any id but that name or that name, {@code @} and a suffix.
         */
        Optional<String> clientId();

        /** The store's broker account, issued by HQ ({@code POST /api/broker/credentials/{store}}). */
        Optional<String> username();

        Optional<String> password();

        /**
         * For a broker at an {@code ssl://} URL: the trust store (PKCS12, or JKS by its {@code .jks} name)
         * holding the authority that signed the broker's certificate. Unset: the JVM's own.
         */
        Optional<String> trustStore();

        Optional<String> trustStorePassword();

        /** QoS 1 publishes in flight at once. Default 32. */
        @WithDefault("32")
        int window();

        /**
         * How long the broker keeps the store's session while it is away. Default 1 hour: enough for a
         * network blip or a restart to lose nothing at the broker; a store away longer starts a fresh
         * session and takes what it missed from HQ in batches of 500, which is far faster than the
         * broker replaying every queued delta as its own message (docs/benchmarks.md, catch-up).
         */
        @WithDefault("PT1H")
        Duration sessionExpiry();
    }

    /** The chain's loyalty rules as tills apply them (HQ keeps each member's balance). */
    interface Points {
        /** Points a member earns per whole currency unit paid other than with points. Default 1. */
        @WithDefault("1")
        int earnPerUnit();

        /** What one point is worth when redeemed, in minor units. Default 1 (100 points = 1.00). */
        @WithDefault("1")
        int valueMinor();
    }

    interface Uplink {
        /**
         * How often unacknowledged events are checked for a resend. New events are sent when they
         * commit, not at this interval. Default 1 s.
         */
        @WithDefault("1s")
        Duration poll();

        /** An event HQ has not acknowledged after this long is sent again. Default 10 s. */
        @WithDefault("10s")
        Duration resendAfter();

        /** Most events sent per round. Default 500. */
        @WithDefault("500")
        int batch();

        /**
         * How long a committed event waits for others to travel with it in one message. HQ sees a sale
         * that much later, and stores the sales of a busy store's lanes in fewer messages and
         * transactions. Default 100 ms; 0 sends each at once.
         */
        @WithDefault("100ms")
        Duration linger();

        /**
         * Most payload bytes (about) in one uplink message; a single larger event still goes alone. Keep
         * it under HQ's {@code hq.ingest.max-message-bytes} (4 MiB by default). Default 1048576 (1 MiB).
         */
        @WithDefault("1048576")
        int maxMessageBytes();
    }
}
