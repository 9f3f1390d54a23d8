package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.io.IOException;
import java.nio.file.Path;

/** The serial settings of an RS-485 Modbus RTU line, for both ends: 8 data bits, no parity, 1 stop bit. */
public final class ModbusLine {

    private ModbusLine() {
    }

    /** j2mod's parameters for the device at {@code path} (a symlink or pty is resolved first). */
    public static SerialParameters at(String path, int baudRate) throws IOException {
        SerialParameters parameters = new SerialParameters();
        parameters.setPortName(Path.of(path).toRealPath().toString());
        parameters.setBaudRate(baudRate);
        parameters.setDatabits(8);
        parameters.setParity("None");
        parameters.setStopbits(1);
        parameters.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        return parameters;
    }
}
