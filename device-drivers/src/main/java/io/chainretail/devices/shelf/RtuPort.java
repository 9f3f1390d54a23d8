package io.chainretail.devices.shelf;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.io.ModbusRTUTransport;
import com.ghgande.j2mod.modbus.net.AbstractSerialConnection;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A serial port for j2mod's RTU transport, opened with jSerialComm and no event listener.
 *
 * <p>j2mod's own {@code SerialConnection} registers a port-disconnected listener that closes the port from
 * jSerialComm's event thread. jSerialComm's {@code closePort} holds the port's lock while it waits for that
 * thread to end, so when the cable is pulled while the shelf's reading fails on the same hang-up, the shelf
 * closes the port, the event thread asks for the lock, and each waits for the other for ever: the shelf never
 * reads again. Here a hang-up is only a failed read; the shelf closes and reopens the port itself.
 */
final class RtuPort extends AbstractSerialConnection {

    private final SerialParameters parameters;
    private final ModbusRTUTransport transport = new ModbusRTUTransport();
    private volatile SerialPort port;
    private int timeoutMillis;

    RtuPort(SerialParameters parameters, int timeoutMillis) {
        this.parameters = parameters;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        SerialPort opening;
        try {
            opening = SerialPort.getCommPort(parameters.getPortName());
        } catch (RuntimeException e) {
            throw new IOException(parameters.getPortName() + " is not a serial port: " + e.getMessage(), e);
        }
        opening.setComPortParameters(parameters.getBaudRate(), parameters.getDatabits(), parameters.getStopbits(),
                parameters.getParity());
        opening.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!opening.openPort(0)) {
            throw new IOException(parameters.getPortName() + " cannot be opened (in use, or gone), error "
                    + opening.getLastErrorCode());
        }
        port = opening;
        transport.setTimeout(timeoutMillis);
        transport.setCommPort(this); // sets the port's read and write timeouts from the transport's
    }

    @Override
    public AbstractModbusTransport getModbusTransport() {
        return transport;
    }

    @Override
    public int readBytes(byte[] buffer, int bytesToRead) {
        SerialPort open = port;
        return open == null ? -1 : open.readBytes(buffer, bytesToRead);
    }

    @Override
    public int writeBytes(byte[] buffer, int bytesToWrite) {
        SerialPort open = port;
        return open == null ? -1 : open.writeBytes(buffer, bytesToWrite);
    }

    @Override
    public int bytesAvailable() {
        SerialPort open = port;
        return open == null ? -1 : open.bytesAvailable();
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public int getBaudRate() {
        return parameters.getBaudRate();
    }

    @Override
    public int getNumDataBits() {
        return parameters.getDatabits();
    }

    @Override
    public int getNumStopBits() {
        return parameters.getStopbits();
    }

    @Override
    public int getParity() {
        return parameters.getParity();
    }

    @Override
    public String getPortName() {
        return parameters.getPortName();
    }

    @Override
    public String getDescriptivePortName() {
        return parameters.getPortName();
    }

    @Override
    public void setComPortTimeouts(int newTimeoutMode, int newReadTimeout, int newWriteTimeout) {
        SerialPort open = port;
        if (open != null) {
            open.setComPortTimeouts(newTimeoutMode, newReadTimeout, newWriteTimeout);
        }
    }

    @Override
    public boolean isOpen() {
        SerialPort open = port;
        return open != null && open.isOpen();
    }

    @Override
    public synchronized int getTimeout() {
        return timeoutMillis;
    }

    @Override
    public synchronized void setTimeout(int timeout) {
        this.timeoutMillis = timeout;
        transport.setTimeout(timeout);
    }

    @Override
    public Set<String> getCommPorts() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(SerialPort.getCommPorts()).forEach(serial -> names.add(serial.getSystemPortName()));
        return names;
    }
}
