package io.chainretail.devices.shelf;

import java.io.IOException;

/**
 * A weighing shelf: the gross weight on each of its slots, in grams. The Modbus RTU adapter reads it
 * from a real shelf; tests and the demo use the simulator behind the same interface.
 */
public interface ShelfSensor extends AutoCloseable {

    void open() throws IOException;

    /** The gross weight on each slot, grams, slot 0 first. */
    int[] readGrams(int slots) throws IOException;

    @Override
    void close();
}
