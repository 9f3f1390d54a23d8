package io.chainretail.agent;

import io.smallrye.config.ConfigMapping;
import io.chainretail.core.gtin.VariableMeasure;
import io.smallrye.config.WithDefault;
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

    /** Demo till users as {@code id:pin:role} (role cashier or manager). */
    List<String> cashiers();

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

    /** One lane's devices. */
    interface LaneDevices {
        /**
         * The receipt printer: {@code tcp://host:9100}, {@code serial:/dev/ttyUSB0?baud=19200},
         * {@code file:/dev/usb/lp0}, or {@code simulated} (a printer simulator in the agent, for the demo:
         * its receipts are text and PNG files under the data folder).
         */
        Optional<String> printer();

        /** The printer model: {@code generic-80mm} (default), {@code generic-58mm}, {@code epson-tm-t88}. */
        @WithDefault("generic-80mm")
        String printerProfile();

        /** A serial (or USB CDC-ACM) barcode scanner, e.g. {@code serial:/dev/ttyACM0}. */
        Optional<String> scanner();

        /** What ends each scan: {@code CR}, {@code LF} or {@code CRLF} (default). */
        @WithDefault("CRLF")
        String scannerSuffix();

        /** Characters the scanner sends before each scan, if it is set up to. */
        Optional<String> scannerPrefix();
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
        /** The broker URL, HQ's embedded one by default: {@code tcp://127.0.0.1:1884}. */
        String url();

        /** Client id; stable so the broker keeps the store's session. Default {@code store-{store}}. */
        Optional<String> clientId();

        Optional<String> username();

        Optional<String> password();

        /** QoS 1 publishes in flight at once. Default 32. */
        @WithDefault("32")
        int window();

        /** How long the broker keeps the store's session while it is away. Default 7 days. */
        @WithDefault("P7D")
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
    }
}
