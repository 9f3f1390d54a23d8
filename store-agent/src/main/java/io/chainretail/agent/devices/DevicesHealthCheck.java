package io.chainretail.agent.devices;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/devices}: DOWN while any device is in error, each device with its state and
 * problem. A group of its own, because a printer out of paper must alert the store, not take the store
 * server out of service: selling goes on.
 */
@HealthGroup("devices")
@ApplicationScoped
public class DevicesHealthCheck implements HealthCheck {

    private final AllDevices devices;

    public DevicesHealthCheck(AllDevices devices) {
        this.devices = devices;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("devices").up();
        for (DeviceStatus device : devices.statuses()) {
            response.withData(device.name(), device.state()
                    + (device.problem().isEmpty() ? "" : ": " + device.problem()));
            if ("ERROR".equals(device.state())) {
                response.down();
            }
        }
        return response.build();
    }
}
