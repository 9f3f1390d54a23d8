package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A weighing shelf on an RS-485 line, read with Modbus RTU (j2mod over jSerialComm): slot {@code i}'s
 * gross weight in grams is holding register {@code i} of the shelf's unit id. The serial device is
 * opened by path (a pty from socat in tests; a symlink from udev in a store).
 */
public final class ModbusShelfSensor implements ShelfSensor {

    private final String path;
    private final int baudRate;
    private final int unitId;
    private ModbusSerialMaster master;

    public ModbusShelfSensor(String path, int baudRate, int unitId) {
        this.path = path;
        this.baudRate = baudRate;
        this.unitId = unitId;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        if (!Files.exists(Path.of(path))) {
            throw new IOException(path + " does not exist (unplugged?)");
        }
        ModbusSerialMaster opening = new ModbusSerialMaster(ModbusLine.at(path, baudRate), 500);
        try {
            opening.connect();
        } catch (Exception e) {
            throw new IOException("cannot open the shelf on " + path + ": " + e.getMessage(), e);
        }
        master = opening;
    }

    @Override
    public synchronized int[] readGrams(int slots) throws IOException {
        if (master == null) {
            throw new IOException("the shelf on " + path + " is not open");
        }
        try {
            Register[] registers = master.readMultipleRegisters(unitId, 0, slots);
            int[] grams = new int[slots];
            for (int i = 0; i < slots; i++) {
                grams[i] = registers[i].toUnsignedShort();
            }
            return grams;
        } catch (ModbusException e) {
            if (!Files.exists(Path.of(path))) {
                close();
            }
            throw new IOException("shelf " + unitId + " on " + path + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    @Override
    public String toString() {
        return "modbus:" + path + "#" + unitId;
    }
}
