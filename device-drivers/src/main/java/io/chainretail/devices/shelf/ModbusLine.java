package io.chainretail.devices.shelf;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.chainretail.devices.transport.SerialSettings;
import java.io.IOException;
import java.nio.file.Path;

/** The serial settings of an RS-485 Modbus RTU line, for both ends: 8N1 unless the address says otherwise. */
public final class ModbusLine {

    private ModbusLine() {
    }

    /** j2mod's parameters for the device at {@code path} (a symlink or pty is resolved first), 8N1. */
    public static SerialParameters at(String path, int baudRate) throws IOException {
        return at(path, SerialSettings.of(baudRate));
    }

    /** j2mod's parameters for the device at {@code path}, spoken as {@code line} says. */
    public static SerialParameters at(String path, SerialSettings line) throws IOException {
        SerialParameters parameters = new SerialParameters();
        parameters.setPortName(Path.of(path).toRealPath().toString());
        parameters.setBaudRate(line.baudRate());
        parameters.setDatabits(line.dataBits());
        parameters.setParity(Character.toUpperCase(line.parity().charAt(0)) + line.parity().substring(1));
        parameters.setStopbits(line.stopBits());
        parameters.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        return parameters;
    }
}
