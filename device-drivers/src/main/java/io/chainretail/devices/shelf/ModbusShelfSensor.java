package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.chainretail.devices.transport.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A weighing shelf read with Modbus (j2mod): the slots' gross weights are holding registers of the shelf's unit
 * id, laid out as its {@link RegisterMap} says (by default slot {@code i} is register {@code i}, unsigned
 * grams). Either RTU on an RS-485 line, opened by path (a pty from socat in tests; a udev symlink in a store),
 * or Modbus TCP through an RS-485 gateway (and the demo's simulator).
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
    private final RegisterMap map;
    private AbstractModbusMaster master;

    private ModbusShelfSensor(String address, String path, int unitId, MasterFactory factory, RegisterMap map) {
        this.address = address;
        this.path = path;
        this.unitId = unitId;
        this.factory = factory;
        this.map = map;
    }

    /** Modbus RTU over the serial device at {@code path}, 8N1 at {@code baudRate}; an answer is awaited 500 ms. */
    public static ModbusShelfSensor serial(String path, int baudRate, int unitId) {
        return serial(path, baudRate, unitId, 500);
    }

    /** The same, awaiting an answer for {@code timeoutMillis}. */
    public static ModbusShelfSensor serial(String path, int baudRate, int unitId, int timeoutMillis) {
        return serial(path, SerialSettings.of(baudRate), unitId, timeoutMillis, RegisterMap.DEFAULT);
    }

    /** The same, on a line spoken as {@code line} says, with the registers laid out as {@code map} says. */
    public static ModbusShelfSensor serial(String path, SerialSettings line, int unitId, int timeoutMillis,
            RegisterMap map) {
        return new ModbusShelfSensor("modbus-rtu:" + path + "#" + unitId, path, unitId,
                () -> new RtuMaster(ModbusLine.at(path, line), timeoutMillis), map);
    }

    /** Modbus TCP to {@code host:port}. */
    public static ModbusShelfSensor tcp(String host, int port, int unitId) {
        return tcp(host, port, unitId, RegisterMap.DEFAULT);
    }

    /** The same, with the shelf's registers laid out as {@code map} says. */
    public static ModbusShelfSensor tcp(String host, int port, int unitId, RegisterMap map) {
        return new ModbusShelfSensor("modbus-tcp://" + host + ":" + port + "#" + unitId, null, unitId,
                () -> new ModbusTCPMaster(host, port, 1000, false), map);
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
            opening.disconnect();
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
            Register[] registers = master.readMultipleRegisters(unitId, map.start(), map.registers(slots));
            int[] words = new int[registers.length];
            for (int i = 0; i < registers.length; i++) {
                words[i] = registers[i].toUnsignedShort();
            }
            return map.grams(words, slots);
        } catch (ModbusException e) {
            throw new IOException("shelf " + address + " did not answer: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("shelf " + address + ": " + e.getMessage(), e);
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
