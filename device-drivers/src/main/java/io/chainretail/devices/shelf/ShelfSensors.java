package io.chainretail.devices.shelf;

import java.net.URI;
import java.time.Duration;
import io.chainretail.devices.transport.DeviceAddress;
import io.chainretail.devices.transport.SerialSettings;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shelf sensors from the one-line form an operator writes in configuration: {@code modbus-rtu:/dev/ttyUSB0},
 * {@code modbus-tcp://10.0.0.50:502}, each optionally with the line's settings (RTU: {@link SerialSettings}) and
 * the register map
 * ({@code start}, {@code type}, {@code words}, {@code scale}: {@link RegisterMap}), or {@code mqtt:shelves/A1}
 * (on the store's broker).
 */
public final class ShelfSensors {

    /** A shelf that publishes nothing for this long is reported: gateways report at least every few seconds. */
    private static final Duration MQTT_SILENCE = Duration.ofSeconds(60);
    private static final List<String> RTU_PARAMETERS = Stream.concat(SerialSettings.PARAMETERS.stream(),
            RegisterMap.PARAMETERS.stream()).toList();

    private ShelfSensors() {
    }

    /**
     * @param unitId the shelf's Modbus unit id
     * @param broker the store's broker, needed by {@code mqtt:} shelves only
     * @param clientId the MQTT client id for an {@code mqtt:} shelf
     */
    public static ShelfSensor of(String address, int unitId, String broker, String clientId) {
        if (address.startsWith("modbus-rtu:")) {
            DeviceAddress rtu = DeviceAddress.parse(address, RTU_PARAMETERS);
            return ModbusShelfSensor.serial(rtu.target(), SerialSettings.of(rtu), unitId, 500, registers(rtu));
        }
        if (address.startsWith("modbus-tcp://")) {
            DeviceAddress tcp = DeviceAddress.parse(address, RegisterMap.PARAMETERS);
            URI uri = URI.create("tcp:" + tcp.target());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(address + ": write modbus-tcp://host:port, e.g. "
                        + "modbus-tcp://10.0.0.50:502");
            }
            return ModbusShelfSensor.tcp(uri.getHost(), uri.getPort() < 0 ? 502 : uri.getPort(), unitId,
                    registers(tcp));
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

    private static RegisterMap registers(DeviceAddress address) {
        try {
            return RegisterMap.of(address.parameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(address.address() + ": " + e.getMessage(), e);
        }
    }
}
