package io.chainretail.agent;

import io.chainretail.core.config.ConfigCheck;
import io.chainretail.core.config.EffectiveConfig;
import io.chainretail.core.gtin.VariableMeasure;
import io.chainretail.core.till.TillApi;
import io.chainretail.devices.escpos.PrinterProfile;
import io.chainretail.devices.scale.ScaleProtocol;
import io.chainretail.devices.scanner.ScanFraming;
import io.chainretail.devices.shelf.ShelfSensors;
import io.chainretail.devices.transport.Transports;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Checks the store agent's settings before anything else starts, and fails the start naming every key that is
 * wrong and what to write instead; then logs the settings in force once, secrets masked.
 */
@ApplicationScoped
public class AgentConfigCheck {

    private static final Logger LOG = Logger.getLogger(AgentConfigCheck.class);
    private static final String CODE = "[A-Za-z0-9_-]{1,32}";

    void onStart(@Observes @Priority(1) StartupEvent event, AgentConfig config) {
        check(config).orFail("The store agent");
        LOG.infof("Configuration: %s", EffectiveConfig.describe(ConfigProvider.getConfig(), AgentConfig.class,
                "agent"));
    }

    static ConfigCheck check(AgentConfig config) {
        ConfigCheck check = new ConfigCheck()
                .matches(config.chain(), CODE, "agent.chain", "a chain code (letters, digits, '-', '_')")
                .matches(config.store(), CODE, "agent.store", "a store code (letters, digits, '-', '_')");
        config.mqtt().url().forEach(url -> check.url(url, "agent.mqtt.url", true, "tcp", "ssl"));
        check.between(config.mqtt().window(), 1, 65_535, "agent.mqtt.window")
                .positive(config.uplink().poll(), "agent.uplink.poll")
                .positive(config.uplink().resendAfter(), "agent.uplink.resend-after")
                .atLeast(config.uplink().batch(), 1, "agent.uplink.batch")
                .atLeast(config.uplink().maxMessageBytes(), 1_024, "agent.uplink.max-message-bytes")
                .atLeast(config.maxChangeMinor(), 0, "agent.max-change-minor")
                .atLeast(config.maxPinFailures(), 1, "agent.max-pin-failures")
                .positive(config.pinLockout(), "agent.pin-lockout")
                .positive(config.sessionTimeout(), "agent.session-timeout")
                .positive(config.lanePairingCodeValidity(), "agent.lane-pairing.code-validity")
                .positive(config.shutdownGrace(), "agent.shutdown-grace")
                .positive(config.status().interval(), "agent.status.interval")
                .positive(config.drawerPulseValidFor(), "agent.drawer-pulse-valid-for")
                .positive(config.receiptConfirmWithin(), "agent.receipt-confirm-within")
                .positive(config.shelfAlerts().check(), "agent.shelf-alerts.check")
                .atLeast(config.shelfAlerts().tolerance(), 0, "agent.shelf-alerts.tolerance")
                .atLeast(config.points().earnPerUnit(), 0, "agent.points.earn-per-unit")
                .atLeast(config.points().valueMinor(), 1, "agent.points.value-minor")
                .parses(config.variableMeasure(), scheme -> VariableMeasure.parse("none".equals(scheme) ? ""
                        : scheme), "agent.variable-measure");
        check.require(config.uplink().linger().isNegative() || config.uplink().linger().compareTo(
                config.uplink().resendAfter()) < 0, "agent.uplink.linger", config.uplink().linger()
                + " must be shorter than agent.uplink.resend-after (" + config.uplink().resendAfter() + ")");
        for (Map.Entry<String, AgentConfig.LaneDevices> lane : config.lanes().entrySet()) {
            lanes(check, lane.getKey(), lane.getValue());
        }
        for (Map.Entry<String, AgentConfig.Shelf> shelf : config.shelves().entrySet()) {
            String key = "agent.shelves.\"" + shelf.getKey() + "\".";
            check.require(!shelf.getValue().slots().isEmpty(), key + "slots", "name at least one slot, "
                    + "sku:tare-grams:unit-grams:low-stock-units");
            check.positive(shelf.getValue().interval(), key + "interval");
            // A Modbus address is read, line settings and register map too, before the agent starts.
            String sensor = shelf.getValue().sensor();
            if (sensor.startsWith("modbus-")) {
                check.parses(sensor, address -> ShelfSensors.of(address, 1, null, null), key + "sensor");
            }
        }
        return check;
    }

    private static void lanes(ConfigCheck check, String lane, AgentConfig.LaneDevices devices) {
        String key = "agent.lanes.\"" + lane + "\".";
        check.matches(lane, TillApi.LANE_PATTERN, "agent.lanes", "a lane code (1-16 letters, digits)");
        devices.printer().filter(address -> !"simulated".equals(address))
                .ifPresent(address -> check.parses(address, Transports::of, key + "printer"));
        check.require(PrinterProfile.named(devices.printerProfile()).isPresent(), key + "printer-profile", "'"
                + devices.printerProfile() + "' is none of generic-80mm, generic-58mm, epson-tm-t88");
        devices.scanner().ifPresent(address -> check.parses(address, Transports::of, key + "scanner"));
        check.require(List.of("ANY", "CR", "LF", "CRLF").contains(devices.scannerSuffix().toUpperCase(Locale.ROOT)),
                key + "scanner-suffix", "'" + devices.scannerSuffix() + "' is none of " + List.of(
                        ScanFraming.Suffix.values()));
        check.positive(devices.scannerFragmentTimeout(), key + "scanner-fragment-timeout");
        devices.display().ifPresent(address -> check.parses(address, Transports::of, key + "display"));
        check.require(List.of("ascii", "gb18030").contains(devices.displayCharset().toLowerCase(Locale.ROOT)),
                key + "display-charset", "'" + devices.displayCharset() + "' is neither ascii nor gb18030");
        devices.scale().ifPresent(address -> check.parses(address, Transports::of, key + "scale"));
        check.parses(devices.scaleProtocol(), ScaleProtocol::named, key + "scale-protocol");
    }
}
