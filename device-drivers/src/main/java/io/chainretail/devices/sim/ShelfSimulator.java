package io.chainretail.devices.sim;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.chainretail.devices.shelf.ModbusLine;
import java.io.IOException;

/**
 * A Modbus RTU weighing shelf on the device end of a serial line (j2mod's slave side): slot {@code i}'s
 * gross weight in grams is holding register {@code i}. Tests put weight on and take it off.
 */
public final class ShelfSimulator implements AutoCloseable {

    private final SimpleProcessImage image = new SimpleProcessImage();
    private final ModbusSlave slave;

    public ShelfSimulator(String path, int baudRate, int unitId, int slots) throws IOException {
        for (int i = 0; i < slots; i++) {
            image.addRegister(new SimpleRegister(0));
        }
        try {
            slave = ModbusSlaveFactory.createSerialSlave(ModbusLine.at(path, baudRate));
            slave.addProcessImage(unitId, image);
            slave.open();
        } catch (Exception e) {
            throw new IOException("cannot start the shelf simulator on " + path + ": " + e.getMessage(), e);
        }
    }

    /** Sets the gross weight on a slot, in grams. */
    public void weigh(int slot, int grams) {
        image.getRegister(slot).setValue(grams);
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
