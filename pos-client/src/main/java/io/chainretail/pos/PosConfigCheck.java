package io.chainretail.pos;

import io.chainretail.core.config.ConfigCheck;
import io.chainretail.core.config.EffectiveConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Checks the till's settings before anything else starts, and fails the start naming every key that is wrong
 * and what to write instead; then logs the settings in force once, secrets masked.
 */
@ApplicationScoped
public class PosConfigCheck {

    private static final Logger LOG = Logger.getLogger(PosConfigCheck.class);

    void onStart(@Observes @Priority(1) StartupEvent event, PosConfig config) {
        check(config).orFail("The till");
        LOG.infof("Configuration: %s", EffectiveConfig.describe(ConfigProvider.getConfig(), PosConfig.class, "pos"));
    }

    static ConfigCheck check(PosConfig config) {
        ConfigCheck check = new ConfigCheck()
                .url(config.agentUrl(), "pos.agent-url", false, "http", "https")
                .matches(config.lane(), "[A-Za-z0-9_-]{1,16}", "pos.lane", "a lane code (1-16 letters, digits)")
                .positive(config.agentTimeout(), "pos.agent-timeout")
                .positive(config.shutdownGrace(), "pos.shutdown-grace");
        config.openingFloat().ifPresent(minor -> check.atLeast(minor, 0, "pos.opening-float"));
        return check;
    }
}
