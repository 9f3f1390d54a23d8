package io.chainretail.agent.devices;

import io.chainretail.agent.manager.ManagerOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Every device of the store, for the store manager: state, problem, jobs waiting. */
@Path("/api/devices")
@ManagerOnly
public class DeviceResource {

    private final AllDevices devices;

    public DeviceResource(AllDevices devices) {
        this.devices = devices;
    }

    @GET
    public List<DeviceStatus> all() {
        return devices.statuses();
    }
}
