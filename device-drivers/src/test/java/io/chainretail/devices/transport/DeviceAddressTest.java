package io.chainretail.devices.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.shelf.ShelfSensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {

    @Test
    void anAddressIsSchemeTargetAndParameters() {
        DeviceAddress address = DeviceAddress.parse("serial:/dev/counter-scale?baud=4800&data=7&parity=even",
                SerialSettings.PARAMETERS);
        assertEquals("serial", address.scheme());
        assertEquals("/dev/counter-scale", address.target());
        assertEquals(Map.of("baud", "4800", "data", "7", "parity", "even"), address.parameters());
        assertEquals("4800 7E1", SerialSettings.of(address).toString());
        assertEquals("9600 8N1", SerialSettings.of(DeviceAddress.parse("serial:/dev/x", List.of())).toString());
    }

    @Test
    void aParameterTheSchemeDoesNotTakeOrABadValueIsRefusedByName() {
        for (String[] wrong : new String[][] {
            {"serial:/dev/ttyUSB0?bad=19200", "bad=19200 is not a parameter of serial: addresses; it takes baud,"},
            {"serial:/dev/ttyUSB0?parity=mark", "parity=mark: one of none, even, odd"},
            {"serial:/dev/ttyUSB0?baud=fast", "baud=fast: a rate such as 9600"},
            {"serial:/dev/ttyUSB0?baud=0", "baud=0: a rate such as 9600"},
            {"file:/dev/usb/lp0?baud=9600", "baud=9600 is not a parameter of file: addresses; it takes none"},
            {"tcp://10.0.0.31:9100?timeout=3", "timeout=3 is not a parameter of tcp: addresses"},
            {"printer", "a device address starts with tcp://, serial:, file: or usb:"},
        }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Transports.of(wrong[0]));
            assertTrue(refused.getMessage().startsWith(wrong[0]), refused.getMessage());
            assertTrue(refused.getMessage().contains(wrong[1]), refused.getMessage());
        }
        IllegalArgumentException shelf = assertThrows(IllegalArgumentException.class,
                () -> ShelfSensors.of("modbus-rtu:/dev/ttyUSB1?parity=even&type=u64", 1, null, null));
        assertTrue(shelf.getMessage().contains("type=u64: one of u16, s16, u32, s32, f32"), shelf.getMessage());
    }
}
