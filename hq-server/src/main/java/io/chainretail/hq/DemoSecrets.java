package io.chainretail.hq;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a production start with the demo's admin password: the README prints it for anyone to read. The
 * demo runs with the {@code demo} profile.
 */
@ApplicationScoped
public class DemoSecrets {

    static final String DEMO_ADMIN_PASSWORD = "demo-admin-password";

    private final HqConfig config;

    public DemoSecrets(HqConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (ConfigUtils.getProfiles().contains("prod")
                && config.auth().adminPassword().filter(DEMO_ADMIN_PASSWORD::equals).isPresent()) {
            throw new IllegalStateException("hq.auth.admin-password is the demo's, printed in the README: set one of "
                    + "your own, or leave it unset and HQ writes a random one to <hq.data-dir>/admin-password.txt; "
                    + "or run the demo with -Dquarkus.profile=demo.");
        }
    }
}
