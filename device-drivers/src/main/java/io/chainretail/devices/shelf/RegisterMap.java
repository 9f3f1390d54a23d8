package io.chainretail.devices.shelf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how a Modbus shelf keeps its slots' weights in holding registers: the first register, each slot's
 * data type (one or two registers), which register of a pair holds the high word, and what one count weighs.
 * Slot {@code i} starts at register {@code start + i * type.registers}. The default, {@code u16} from register
 * 0 in grams, caps a slot at 65,535 g; a shelf that weighs more sends {@code u32} (or counts in tens of grams,
 * {@code scale=10}).
 *
 * @param start         the first slot's register
 * @param type          each slot's data type
 * @param highWordFirst for two-register types, whether the lower-numbered register holds the high word (the
 *                      Modbus convention, "big"); many meters send the low word first ("little")
 * @param gramsPerCount what one count of the register weighs, e.g. {@code 0.1} for a shelf that reports
 *                      tenths of a gram, {@code 10} for one that reports tens
 */
public record RegisterMap(int start, Type type, boolean highWordFirst, BigDecimal gramsPerCount) {

    /** The data types a slot's weight can be sent as. */
    public enum Type {
        U16(1), S16(1), U32(2), S32(2), F32(2);

        private final int registers;

        Type(int registers) {
            this.registers = registers;
        }

        public int registers() {
            return registers;
        }
    }

    /** The address parameters that describe a map. */
    public static final java.util.List<String> PARAMETERS = java.util.List.of("start", "type", "words", "scale");

    /** Unsigned 16-bit grams from register 0. */
    public static final RegisterMap DEFAULT = new RegisterMap(0, Type.U16, true, BigDecimal.ONE);

    public RegisterMap {
        if (start < 0 || start > 65_535) {
            throw new IllegalArgumentException("start=" + start + ": a register is 0 to 65535");
        }
        if (gramsPerCount.signum() <= 0) {
            throw new IllegalArgumentException("scale=" + gramsPerCount + ": grams per count must be above 0");
        }
    }

    /**
     * The map an address's parameters describe: {@code start} (0), {@code type} ({@code u16}, {@code s16},
     * {@code u32}, {@code s32}, {@code f32}), {@code words} ({@code big}: high word first, or {@code little}),
     * {@code scale} (grams per count, 1). Absent parameters keep the default; others are not its business.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong and what it takes
     */
    public static RegisterMap of(Map<String, String> parameters) {
        int start = DEFAULT.start;
        if (parameters.containsKey("start")) {
            try {
                start = Integer.parseInt(parameters.get("start"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("start=" + parameters.get("start") + ": a register number, "
                        + "0 to 65535");
            }
        }
        Type type = DEFAULT.type;
        if (parameters.containsKey("type")) {
            try {
                type = Type.valueOf(parameters.get("type").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("type=" + parameters.get("type") + ": one of u16, s16, u32, "
                        + "s32, f32");
            }
        }
        boolean highFirst = switch (parameters.getOrDefault("words", "big")) {
            case "big" -> true;
            case "little" -> false;
            default -> throw new IllegalArgumentException("words=" + parameters.get("words") + ": big (high "
                    + "word first) or little");
        };
        BigDecimal scale = BigDecimal.ONE;
        if (parameters.containsKey("scale")) {
            try {
                scale = new BigDecimal(parameters.get("scale"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scale=" + parameters.get("scale") + ": grams per count, "
                        + "e.g. 0.1 or 10");
            }
        }
        return new RegisterMap(start, type, highFirst, scale);
    }

    /** How many registers {@code slots} slots take. */
    public int registers(int slots) {
        return slots * type.registers;
    }

    /**
     * The slots' weights in whole grams (rounded half up) from the registers read, each 0 to 65535.
     *
     * @throws IllegalArgumentException when a {@code f32} slot holds no number (NaN or infinite)
     */
    public int[] grams(int[] registers, int slots) {
        int[] grams = new int[slots];
        for (int i = 0; i < slots; i++) {
            int at = i * type.registers;
            BigDecimal counts = switch (type) {
                case U16 -> BigDecimal.valueOf(registers[at]);
                case S16 -> BigDecimal.valueOf((short) registers[at]);
                case U32 -> BigDecimal.valueOf(pair(registers, at) & 0xFFFF_FFFFL);
                case S32 -> BigDecimal.valueOf(pair(registers, at));
                case F32 -> floatCounts(Float.intBitsToFloat(pair(registers, at)));
            };
            BigDecimal weight = counts.multiply(gramsPerCount).setScale(0, RoundingMode.HALF_UP);
            grams[i] = weight.max(BigDecimal.valueOf(Integer.MIN_VALUE)).min(BigDecimal.valueOf(Integer.MAX_VALUE))
                    .intValue();
        }
        return grams;
    }

    private int pair(int[] registers, int at) {
        int high = registers[highWordFirst ? at : at + 1];
        int low = registers[highWordFirst ? at + 1 : at];
        return (high & 0xFFFF) << 16 | low & 0xFFFF;
    }

    private static BigDecimal floatCounts(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("the shelf sent " + value + ", not a weight");
        }
        return new BigDecimal(Float.toString(value));
    }

    /** The map as an address writes it, e.g. {@code type=u32&words=little&scale=0.1}. */
    @Override
    public String toString() {
        return "start=" + start + "&type=" + type.name().toLowerCase(Locale.ROOT) + "&words="
                + (highWordFirst ? "big" : "little") + "&scale=" + gramsPerCount.toPlainString();
    }
}
