package io.chainretail.agent.devices;

/**
 * One device as the till and the store manager see it.
 *
 * @param lane    the lane it serves, or null for a store device (a shelf)
 * @param problem why it is in error, in words for a person; empty when it is not
 * @param warning what to see to though it works (a printer's paper running out); empty when nothing
 * @param waiting receipts waiting for a printer (held while it cannot print, or on their way to it)
 */
public record DeviceStatus(String name, String lane, String kind, String address, String state, String problem,
        String warning, long waiting) {

    /** The same device with this many receipts waiting for it. */
    public DeviceStatus withWaiting(long jobs) {
        return new DeviceStatus(name, lane, kind, address, state, problem, warning, jobs);
    }
}
