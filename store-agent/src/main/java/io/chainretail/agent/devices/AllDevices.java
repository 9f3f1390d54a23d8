package io.chainretail.agent.devices;

import io.chainretail.agent.shelves.StoreShelves;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Every device of the store: the lanes' printers and scanners, then the smart shelves. */
@ApplicationScoped
public class AllDevices {

    private final StoreDevices lanes;
    private final StoreShelves shelves;

    public AllDevices(StoreDevices lanes, StoreShelves shelves) {
        this.lanes = lanes;
        this.shelves = shelves;
    }

    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>(lanes.statuses());
        all.addAll(shelves.statuses());
        return all;
    }
}
