package io.chainretail.devices.shelf;

import static io.chainretail.devices.shelf.ModbusShelfIT.units;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.devices.Await;
import io.chainretail.devices.sim.ShelfSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterMapTest {

    @Test
    void theDefaultIsUnsignedGramsFromRegisterZero() {
        RegisterMap map = RegisterMap.of(Map.of());
        assertEquals(RegisterMap.DEFAULT, map);
        assertEquals(3, map.registers(3));
        assertArrayEquals(new int[] {120, 65_535}, map.grams(new int[] {120, 65_535}, 2));
    }

    @Test
    void thirtyTwoBitsInEitherWordOrderWeighPastSixtyFiveKilograms() {
        int[] bigEndian = {0x0001, 0x3880}; // 80,000 g
        assertArrayEquals(new int[] {80_000}, RegisterMap.of(Map.of("type", "u32")).grams(bigEndian, 1));
        int[] littleEndian = {0x3880, 0x0001};
        assertArrayEquals(new int[] {80_000}, RegisterMap.of(Map.of("type", "u32", "words", "little"))
                .grams(littleEndian, 1));
        assertArrayEquals(new int[] {-2}, RegisterMap.of(Map.of("type", "s32")).grams(new int[] {0xFFFF, 0xFFFE},
                1), "a shelf zeroed with weight on it reads a little below zero");
        assertArrayEquals(new int[] {-5}, RegisterMap.of(Map.of("type", "s16")).grams(new int[] {0xFFFB}, 1));
        assertEquals(4, RegisterMap.of(Map.of("type", "u32")).registers(2));
    }

    @Test
    void floatsAndScalesAreRoundedToTheGram() {
        int bits = Float.floatToIntBits(1234.56f);
        assertArrayEquals(new int[] {1235}, RegisterMap.of(Map.of("type", "f32"))
                .grams(new int[] {bits >>> 16, bits & 0xFFFF}, 1));
        assertArrayEquals(new int[] {6554, 70}, RegisterMap.of(Map.of("scale", "0.1"))
                .grams(new int[] {65_535, 700}, 2), "tenths of a gram, half up");
        assertArrayEquals(new int[] {655_350}, RegisterMap.of(Map.of("scale", "10")).grams(new int[] {65_535}, 1));
        int nan = Float.floatToIntBits(Float.NaN);
        assertThrows(IllegalArgumentException.class, () -> RegisterMap.of(Map.of("type", "f32"))
                .grams(new int[] {nan >>> 16, nan & 0xFFFF}, 1));
    }

    @Test
    void aWrongParameterIsNamedWithWhatItTakes() {
        for (Map<String, String> wrong : List.of(Map.of("type", "u64"), Map.of("words", "middle"),
                Map.of("scale", "0"), Map.of("scale", "ten"), Map.of("start", "-1"), Map.of("start", "x"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> RegisterMap.of(wrong));
            String name = wrong.keySet().iterator().next();
            assertTrue(refused.getMessage().startsWith(name + "="), refused.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ShelfSensors.of("modbus-tcp://127.0.0.1:502?typ=u32", 1, null, null));
        assertTrue(unknown.getMessage().contains("typ=u32 is not a parameter of modbus-tcp: addresses; it takes "
                + "start, type,"), unknown.getMessage());
    }

    @Test
    void aShelfSendingThirtyTwoBitLowWordFirstFromAnOffsetIsCounted() throws Exception {
        try (ShelfSimulator simulator = ShelfSimulator.onTcp(0, 4, 1)) {
            simulator.register(10, 0x3880); // 80,000 g of rice: four 20 kg sacks, low word first
            simulator.register(11, 0x0001);
            WeighingShelf shelf = new WeighingShelf("pallet-1", ShelfSensors.of("modbus-tcp://127.0.0.1:"
                    + simulator.port() + "?start=10&type=u32&words=little", 4, null, null),
                    List.of(new Slot("RICE-20KG", 0, 20_000, 1)), Duration.ofMillis(50));
            shelf.open();
            try {
                Await.until(() -> units(shelf, 0) == 4, "four sacks on a pallet a 16-bit register cannot hold");
            } finally {
                shelf.close();
            }
        }
    }
}
