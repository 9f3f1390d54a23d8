package io.chainretail.agent.devices;

/** One device as the till and the store manager see it. */
public record DeviceStatus(String lane, String kind, String address, String state, String problem, int waiting) {
}
