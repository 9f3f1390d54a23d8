package io.chainretail.agent;

import io.smallrye.config.ConfigMapping;
import io.chainretail.core.gtin.VariableMeasure;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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
