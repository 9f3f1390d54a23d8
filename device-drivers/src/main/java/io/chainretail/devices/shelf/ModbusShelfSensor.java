package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A weighing shelf read with Modbus (j2mod): slot {@code i}'s gross weight in grams is holding register
 * {@code i} of the shelf's unit id. Either RTU on an RS-485 line, opened by path (a pty from socat in
 * tests; a udev symlink in a store), or Modbus TCP through an RS-485 gateway (and the demo's simulator).
 */
public final class ModbusShelfSensor implements ShelfSensor {

    /** Builds a master for one connection attempt; {@code null} path means TCP. */
    private interface MasterFactory {
        AbstractModbusMaster create() throws IOException;
    }

    private final String address;
    private final String path;
    private final int unitId;
    private final MasterFactory factory;
    private AbstractModbusMaster master;

    private ModbusShelfSensor(String address, String path, int unitId, MasterFactory factory) {
        this.address = address;
        this.path = path;
        this.unitId = unitId;
        this.factory = factory;
    }

    /** Modbus RTU over the serial device at {@code path}, 8N1 at {@code baudRate}; an answer is awaited 500 ms. */
    public static ModbusShelfSensor serial(String path, int baudRate, int unitId) {
        return serial(path, baudRate, unitId, 500);
    }

    /** The same, awaiting an answer for {@code timeoutMillis}. */
    public static ModbusShelfSensor serial(String path, int baudRate, int unitId, int timeoutMillis) {
        return new ModbusShelfSensor("modbus-rtu:" + path + "#" + unitId, path, unitId,
                () -> new ModbusSerialMaster(ModbusLine.at(path, baudRate), timeoutMillis));
    }

    /** Modbus TCP to {@code host:port}. */
    public static ModbusShelfSensor tcp(String host, int port, int unitId) {
        return new ModbusShelfSensor("modbus-tcp://" + host + ":" + port + "#" + unitId, null, unitId,
                () -> new ModbusTCPMaster(host, port, 1000, false));
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        if (path != null && !Files.exists(Path.of(path))) {
            throw new IOException(path + " does not exist (unplugged?)");
        }
        AbstractModbusMaster opening = factory.create();
        try {
            opening.connect();
        } catch (Exception e) {
            throw new IOException("cannot open the shelf on " + address + ": " + e.getMessage(), e);
        }
        master = opening;
    }

    @Override
    public synchronized int[] readGrams(int slots) throws IOException {
        if (master == null) {
            throw new IOException("the shelf on " + address + " is not open");
        }
        try {
            Register[] registers = master.readMultipleRegisters(unitId, 0, slots);
            int[] grams = new int[slots];
            for (int i = 0; i < slots; i++) {
                grams[i] = registers[i].toUnsignedShort();
            }
            return grams;
        } catch (ModbusException e) {
            throw new IOException("shelf " + address + " did not answer: " + e.getMessage(), e);
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
        return address;
    }
}
