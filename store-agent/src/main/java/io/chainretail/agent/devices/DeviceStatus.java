package io.chainretail.agent.devices;

/**
 * One device as the till and the store manager see it.
 *
 * @param lane the lane it serves, or null for a store device (a shelf)
 * @param waiting print jobs waiting for a printer
 */
public record DeviceStatus(String name, String lane, String kind, String address, String state, String problem,
        int waiting) {
}
