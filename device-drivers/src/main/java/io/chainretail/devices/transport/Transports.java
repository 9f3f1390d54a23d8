package io.chainretail.devices.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Transports from the one-line form an operator writes in configuration:
 * {@code tcp://10.0.0.31:9100}, {@code serial:/dev/ttyUSB0} (optionally {@code ?baud=19200&data=7&parity=even&stop=1},
 * {@link SerialSettings}), {@code file:/dev/usb/lp0}, {@code usb:04b8:0e15} (optionally {@code ?serial=...}), in the
 * grammar of {@link DeviceAddress}.
 */
public final class Transports {

    private Transports() {
    }

    public static Transport of(String address) {
        if (address.startsWith("tcp://")) {
            URI uri = URI.create(DeviceAddress.parse(address, List.of()).address());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(address + ": write tcp://host:port, e.g. tcp://10.0.0.31:9100");
            }
            return new TcpTransport(uri.getHost(), uri.getPort(), Duration.ofSeconds(3));
        }
        if (address.startsWith("serial:")) {
            DeviceAddress serial = DeviceAddress.parse(address, SerialSettings.PARAMETERS);
            return new SerialTransport(serial.target(), SerialSettings.of(serial));
        }
        if (address.startsWith("file:")) {
            return new DeviceFileTransport(DeviceAddress.parse(address, List.of()).target());
        }
        if (address.startsWith("usb:")) {
            return new UsbTransport(UsbAddress.parse(address));
        }
        throw new IllegalArgumentException(address + ": a device address starts with tcp://, serial:, file: or usb:");
    }
}
