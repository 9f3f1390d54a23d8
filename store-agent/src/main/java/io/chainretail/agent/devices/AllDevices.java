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
    private final PrintSpooler spooler;

    public AllDevices(StoreDevices lanes, StoreShelves shelves, PrintSpooler spooler) {
        this.lanes = lanes;
        this.shelves = shelves;
        this.spooler = spooler;
    }

    /** Every device; a printer's {@code waiting} counts the receipts the spooler holds for it too. */
    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>();
        for (DeviceStatus device : lanes.statuses()) {
            all.add("printer".equals(device.kind()) ? device.withWaiting(spooler.waiting(device.lane())) : device);
        }
        all.addAll(shelves.statuses());
        return all;
    }

    /** The devices of one lane. */
    public List<DeviceStatus> statuses(String lane) {
        return statuses().stream().filter(s -> lane.equals(s.lane())).toList();
    }
}
