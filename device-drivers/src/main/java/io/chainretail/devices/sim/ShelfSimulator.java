package io.chainretail.devices.sim;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.chainretail.devices.shelf.ModbusLine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A weighing shelf on the device end of a line (j2mod's slave side): slot {@code i}'s gross weight in
 * grams is holding register {@code i}. Modbus RTU on a serial line (a pty in tests) or Modbus TCP on a
 * loopback port (the demo's shelves). Tests put weight on and take it off.
 */
public final class ShelfSimulator implements AutoCloseable {

    private final SimpleProcessImage image = new SimpleProcessImage();
    private final ModbusSlave slave;

    private ShelfSimulator(ModbusSlave slave, int unitId, int slots) throws IOException {
        for (int i = 0; i < slots; i++) {
            image.addRegister(new SimpleRegister(0));
        }
        this.slave = slave;
        try {
            slave.addProcessImage(unitId, image);
            slave.open();
        } catch (Exception e) {
            ModbusSlaveFactory.close(slave);
            throw new IOException("cannot start the shelf simulator: " + e.getMessage(), e);
        }
    }

    /** A Modbus RTU shelf on the serial device at {@code path}. */
    public static ShelfSimulator onSerial(String path, int baudRate, int unitId, int slots) throws IOException {
        try {
            return new ShelfSimulator(ModbusSlaveFactory.createSerialSlave(ModbusLine.at(path, baudRate)), unitId,
                    slots);
        } catch (com.ghgande.j2mod.modbus.ModbusException e) {
            throw new IOException("cannot start the shelf simulator on " + path + ": " + e.getMessage(), e);
        }
    }

    /** A Modbus TCP shelf on 127.0.0.1; port 0 takes a free one ({@link #port()}). */
    public static ShelfSimulator onTcp(int port, int unitId, int slots) throws IOException {
        int bound = port == 0 ? freePort() : port;
        try {
            return new ShelfSimulator(ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), bound, 4,
                    false), unitId, slots);
        } catch (com.ghgande.j2mod.modbus.ModbusException e) {
            throw new IOException("cannot start the shelf simulator on port " + bound + ": " + e.getMessage(), e);
        }
    }

    /** The TCP port, for a simulator started with {@link #onTcp}. */
    public int port() {
        return slave.getPort();
    }

    /** Sets the gross weight on a slot, in grams. */
    public void weigh(int slot, int grams) {
        image.getRegister(slot).setValue(grams);
    }

    /**
     * Sets holding register {@code register} to a raw 16-bit value, adding registers up to it as needed: for
     * shelves whose register map is not the default (a start offset, 32-bit or scaled weights).
     */
    public void register(int register, int value) {
        while (image.getRegisterCount() <= register) {
            image.addRegister(new SimpleRegister(0));
        }
        image.getRegister(register).setValue(value);
    }

    /** The gross weight on a slot, in grams. */
    public int grams(int slot) {
        return image.getRegister(slot).toUnsignedShort();
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
