package io.chainretail.devices.shelf;

import java.net.URI;
import java.time.Duration;

/**
 * Shelf sensors from the one-line form an operator writes in configuration:
 * {@code modbus-rtu:/dev/ttyUSB0} (optionally {@code ?baud=19200}), {@code modbus-tcp://10.0.0.50:502},
 * {@code mqtt:shelves/A1} (on the store's broker).
 */
public final class ShelfSensors {

    /** A shelf that publishes nothing for this long is reported: gateways report at least every few seconds. */
    private static final Duration MQTT_SILENCE = Duration.ofSeconds(60);

    private ShelfSensors() {
    }

    /**
     * @param unitId the shelf's Modbus unit id
     * @param broker the store's broker, needed by {@code mqtt:} shelves only
     * @param clientId the MQTT client id for an {@code mqtt:} shelf
     */
    public static ShelfSensor of(String address, int unitId, String broker, String clientId) {
        if (address.startsWith("modbus-rtu:")) {
            String rest = address.substring("modbus-rtu:".length());
            int baud = 9_600;
            int query = rest.indexOf("?baud=");
            if (query >= 0) {
                baud = Integer.parseInt(rest.substring(query + 6));
                rest = rest.substring(0, query);
            }
            return ModbusShelfSensor.serial(rest, baud, unitId);
        }
        if (address.startsWith("modbus-tcp://")) {
            URI uri = URI.create(address);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(address + ": write modbus-tcp://host:port, e.g. "
                        + "modbus-tcp://10.0.0.50:502");
            }
            return ModbusShelfSensor.tcp(uri.getHost(), uri.getPort() < 0 ? 502 : uri.getPort(), unitId);
        }
        if (address.startsWith("mqtt:")) {
            if (broker == null || broker.isBlank()) {
                throw new IllegalArgumentException(address + ": an MQTT shelf needs the store's broker "
                        + "(agent.shelf-broker=tcp://host:1883)");
            }
            return MqttShelfSensor.on(broker, clientId, address.substring("mqtt:".length()), MQTT_SILENCE);
        }
        throw new IllegalArgumentException(address + ": a shelf address starts with modbus-rtu:, modbus-tcp:// "
                + "or mqtt:");
    }
}
