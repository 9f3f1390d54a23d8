package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.util.SerialParameters;

/**
 * j2mod's Modbus RTU master (framing, CRC, retries) over an {@link RtuPort}, in place of j2mod's
 * {@code ModbusSerialMaster}, whose port could deadlock with jSerialComm when the cable is pulled.
 */
final class RtuMaster extends AbstractModbusMaster {

    private final RtuPort port;

    RtuMaster(SerialParameters parameters, int timeoutMillis) {
        this.port = new RtuPort(parameters, timeoutMillis);
        this.timeout = timeoutMillis;
    }

    @Override
    public synchronized void connect() throws Exception {
        if (!port.isOpen()) {
            port.open();
            setTransaction(port.getModbusTransport().createTransaction());
        }
    }

    @Override
    public synchronized void disconnect() {
        port.close();
        setTransaction(null);
    }

    @Override
    public AbstractModbusTransport getTransport() {
        return port.getModbusTransport();
    }

    @Override
    public boolean isConnected() {
        return port.isOpen();
    }
}
