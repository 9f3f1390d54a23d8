package io.chainretail.devices.sim;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.io.IOException;
import java.nio.file.Path;

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
        SerialParameters parameters = new SerialParameters();
        parameters.setPortName(Path.of(path).toRealPath().toString());
        parameters.setBaudRate(baudRate);
        parameters.setDatabits(8);
        parameters.setParity("None");
        parameters.setStopbits(1);
        parameters.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        try {
            slave = ModbusSlaveFactory.createSerialSlave(parameters);
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
