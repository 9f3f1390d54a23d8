package io.chainretail.agent;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Refuses a production start that still has the demo's till PINs: anyone who has seen the demo could sign in
 * as its manager. The demo runs with the {@code demo} profile, where they belong.
 */
@ApplicationScoped
public class DemoSecrets {

    /** The demo's till users, as the README and the demo script name them. */
    static final Set<String> DEMO_USERS = Set.of("1001:1234", "9001:9999");

    private final AgentConfig config;

    public DemoSecrets(AgentConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.contains("prod")) {
            refuseDemoUsers(config.cashiers().orElse(List.of()));
        }
    }

    static void refuseDemoUsers(List<String> cashiers) {
        for (String entry : cashiers) {
            String[] parts = entry.split(":");
            if (parts.length >= 2 && DEMO_USERS.contains(parts[0] + ":" + parts[1])) {
                throw new IllegalStateException("agent.cashiers holds the demo's till user " + parts[0] + " with its "
                        + "PIN: anyone who has seen the demo could sign in. Set agent.cashiers to your own users (or "
                        + "leave it unset and let HQ send the store's staff), or run the demo with "
                        + "-Dquarkus.profile=demo.");
            }
        }
    }
}
