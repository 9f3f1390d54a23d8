package io.chainretail.devices.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.List;

/**
 * How a serial line is spoken: speed, data bits, parity and stop bits. 8N1 unless the address says otherwise;
 * scales and some older printers want 7E1 ({@code ?data=7&parity=even}), Modbus RTU lines often 8E1.
 */
public record SerialSettings(int baudRate, int dataBits, String parity, int stopBits) {

    /** The parameters a serial address takes. */
    public static final List<String> PARAMETERS = List.of("baud", "data", "parity", "stop");

    public SerialSettings {
        if (baudRate < 50 || baudRate > 4_000_000) {
            throw new IllegalArgumentException("baud=" + baudRate + ": a rate such as 9600 or 19200");
        }
    }

    /** 8N1 at {@code baudRate}. */
    public static SerialSettings of(int baudRate) {
        return new SerialSettings(baudRate, 8, "none", 1);
    }

    /** The settings an address's {@code baud}, {@code data}, {@code parity} and {@code stop} give (9600 8N1). */
    public static SerialSettings of(DeviceAddress address) {
        int baud = address.integer("baud", 9_600, "a rate such as 9600 or 19200");
        int data = Integer.parseInt(address.choice("data", "8", List.of("7", "8")));
        String parity = address.choice("parity", "none", List.of("none", "even", "odd"));
        int stop = Integer.parseInt(address.choice("stop", "1", List.of("1", "2")));
        try {
            return new SerialSettings(baud, data, parity, stop);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(address.address() + ": " + e.getMessage(), e);
        }
    }

    /** jSerialComm's parity constant. */
    public int jSerialCommParity() {
        return switch (parity) {
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    /** jSerialComm's stop-bits constant. */
    public int jSerialCommStopBits() {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    @Override
    public String toString() {
        return baudRate + " " + dataBits + Character.toUpperCase(parity.charAt(0)) + stopBits;
    }
}
