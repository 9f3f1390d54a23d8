package io.chainretail.devices.transport;

import java.net.URI;
import java.time.Duration;

/**
 * Transports from the one-line form an operator writes in configuration:
 * {@code tcp://10.0.0.31:9100}, {@code serial:/dev/ttyUSB0} (optionally {@code ?baud=19200}),
 * {@code file:/dev/usb/lp0}, {@code usb:04b8:0e15} (optionally {@code ?serial=...}).
 */
public final class Transports {

    private Transports() {
    }

    public static Transport of(String address) {
        if (address.startsWith("tcp://")) {
            URI uri = URI.create(address);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(address + ": write tcp://host:port, e.g. tcp://10.0.0.31:9100");
            }
            return new TcpTransport(uri.getHost(), uri.getPort(), Duration.ofSeconds(3));
        }
        if (address.startsWith("serial:")) {
            String rest = address.substring("serial:".length());
            int baud = 9_600;
            int query = rest.indexOf("?baud=");
            if (query >= 0) {
                baud = Integer.parseInt(rest.substring(query + 6));
                rest = rest.substring(0, query);
            }
            return new SerialTransport(rest, baud);
        }
        if (address.startsWith("file:")) {
            return new DeviceFileTransport(address.substring("file:".length()));
        }
        if (address.startsWith("usb:")) {
            return new UsbTransport(UsbAddress.parse(address));
        }
        throw new IllegalArgumentException(address + ": a device address starts with tcp://, serial:, file: or usb:");
    }
}
