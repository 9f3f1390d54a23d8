package io.chainretail.devices.shelf;

import java.io.IOException;

/**
 * A weighing shelf: the gross weight on each of its slots, in grams. {@link ModbusShelfSensor} polls
 * a shelf over Modbus RTU or TCP; {@link MqttShelfSensor} keeps what a shelf publishes over MQTT.
 */
public interface ShelfSensor extends AutoCloseable {

    void open() throws IOException;

    /**
     * The gross weight on each slot, grams, slot 0 first; {@code null} when a sensor that reports by
     * itself has not said anything yet (nothing to count, nothing wrong).
     */
    int[] readGrams(int slots) throws IOException;

    @Override
    void close();
}
