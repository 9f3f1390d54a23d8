package io.chainretail.hq.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * HQ is ready while it is connected to a broker. With several brokers, one that is down cuts off only its own
 * stores: HQ stays ready for the rest and says which broker is down (and {@code hq_broker_connected} per broker).
 */
@Readiness
@ApplicationScoped
public class BrokerConnectionCheck implements HealthCheck {

    private final HqLink link;

    public BrokerConnectionCheck(HqLink link) {
        this.link = link;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mqtt").status(link.isConnected());
        for (BrokerLink broker : link.brokers()) {
            response.withData(broker.name(), broker.isConnected() ? "UP" : "DOWN");
        }
        return response.build();
    }
}
