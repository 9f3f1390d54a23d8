package io.chainretail.pos;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Settings under {@code pos.*}; the module README has the table. */
@ConfigMapping(prefix = "pos")
public interface PosConfig {

    /** Base URL of this store's agent. Default {@code http://127.0.0.1:8081}. */
    String agentUrl();

    /** The lane this till serves, e.g. {@code 01}. */
    String lane();

    /**
     * For an unattended lane (self-checkout, the demo): the float, in minor units, of the shift the till
     * opens by itself when selling starts on a lane without one. Unset (the default): the page asks the
     * cashier to count the float.
     */
    OptionalLong openingFloat();

    /**
     * Where the till keeps its lane key ({@code lane-<lane>.key}, readable by its owner only). Default
     * {@code data/pos}.
     */
    @WithDefault("data/pos")
    String dataDir();

    /**
     * The lane's key, when it is provisioned rather than paired at the till (environment
     * {@code POS_LANE_KEY}). Unset: the key the till got by pairing, kept in {@code data-dir}.
     */
    Optional<String> laneKey();

    /**
     * A pairing code from the manager console, used once on the first start of an unpaired till (environment
     * {@code POS_PAIRING_CODE}); an installer can pass it instead of typing it at the lane.
     */
    Optional<String> pairingCode();

    /** How long to wait for the store agent before telling the cashier. Default 5 s. */
    @WithDefault("5s")
    Duration agentTimeout();

    /**
     * How long a stopping process may take before it ends itself, whatever it is waiting for (a
     * service manager's SIGTERM must end it). Default 8 s, so it is gone within 10 s.
     */
    @WithDefault("8s")
    Duration shutdownGrace();
}
