package io.chainretail.devices.device;

/** What a device tells its listeners, always from its own thread. */
public sealed interface DeviceEvent {

    /** The device that sent it. */
    String device();

    /** Input: a scanned code, a shelf reading. */
    record Data(String device, Object data) implements DeviceEvent {
    }

    /** Something went wrong that a person may need to know: a misread, a lost connection. */
    record Error(String device, String message) implements DeviceEvent {
    }

    /** The device's own status changed, e.g. a printer ran out of paper. */
    record Status(String device, Object status) implements DeviceEvent {
    }

    /** An output (a print job) reached the device in full. */
    record OutputComplete(String device, String outputId) implements DeviceEvent {
    }

    /** The device moved from one state to another. */
    record StateChanged(String device, DeviceState from, DeviceState to) implements DeviceEvent {
    }
}
