package io.chainretail.agent.devices;

import io.chainretail.agent.manager.ManagerOnly;
import io.chainretail.core.web.Refuses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** Every device of the store, for the store manager: state, problem, jobs waiting. */
@Path("/api/devices")
@ManagerOnly
public class DeviceResource {

    private final AllDevices devices;

    public DeviceResource(AllDevices devices) {
        this.devices = devices;
    }

    @Extension(name = Refuses.EXTENSION, value = "NOT_SIGNED_IN NOT_A_MANAGER")
    @GET
    public List<DeviceStatus> all() {
        return devices.statuses();
    }
}
