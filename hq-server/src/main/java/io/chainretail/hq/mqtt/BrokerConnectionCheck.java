package io.chainretail.hq.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** HQ is ready only while it is connected to its broker. */
@Readiness
@ApplicationScoped
public class BrokerConnectionCheck implements HealthCheck {

    private final HqLink link;

    public BrokerConnectionCheck(HqLink link) {
        this.link = link;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt").status(link.isConnected()).build();
    }
}
