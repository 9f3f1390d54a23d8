package io.chainretail.core.gtin;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Variable-measure EAN-13 codes, as printed by scales (GS1 restricted-circulation prefixes 20-29):
 * {@code PP IIIII VVVVV C}: a two-digit prefix, the five-digit item code (a product's PLU), five digits
 * of price in minor units or of weight in grams, and the check digit. Which prefixes carry a price
 * and which a weight is the chain's choice, e.g. {@code 20-24:price,25-29:weight}.
 */
public final class VariableMeasure {

    /** What the five value digits are. */
    public enum Kind { PRICE, WEIGHT }

    /**
     * A scale label read.
     *
     * @param value the price in minor units, or the weight in grams
     */
    public record Reading(String plu, Kind kind, long value) {
    }

    /** The usual split: prefixes 20-24 carry a price, 25-29 a weight. */
    public static final String DEFAULT = "20-24:price,25-29:weight";

    private final Map<Integer, Kind> prefixes;

    private VariableMeasure(Map<Integer, Kind> prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * Reads a scheme such as {@code 20-24:price,25-29:weight} or {@code 21:weight}; prefixes must lie in
     * 20-29. An empty scheme turns variable-measure codes off.
     */
    public static VariableMeasure parse(String scheme) {
        Map<Integer, Kind> prefixes = new TreeMap<>();
        for (String part : scheme.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] rangeAndKind = part.strip().split(":");
            if (rangeAndKind.length != 2) {
                throw new IllegalArgumentException("'" + part + "' is not like 20-24:price");
            }
            Kind kind = Kind.valueOf(rangeAndKind[1].strip().toUpperCase());
            String[] range = rangeAndKind[0].strip().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            if (from < 20 || to > 29 || from > to) {
                throw new IllegalArgumentException("variable-measure prefixes lie in 20-29, not " + rangeAndKind[0]);
            }
            for (int prefix = from; prefix <= to; prefix++) {
                if (prefixes.put(prefix, kind) != null) {
                    throw new IllegalArgumentException("prefix " + prefix + " is given twice");
                }
            }
        }
        return new VariableMeasure(prefixes);
    }

    /** True when {@code code} is an EAN-13 with one of this scheme's prefixes (whatever its check digit). */
    public boolean isVariable(String code) {
        return code != null && code.length() == 13 && code.chars().allMatch(Character::isDigit)
                && prefixes.containsKey(Integer.parseInt(code.substring(0, 2)));
    }

    /** The label's item code and value, if {@code code} is a valid variable-measure EAN-13 of this scheme. */
    public Optional<Reading> read(String code) {
        if (!isVariable(code) || !Gtin.isValid(code)) {
            return Optional.empty();
        }
        Kind kind = prefixes.get(Integer.parseInt(code.substring(0, 2)));
        return Optional.of(new Reading(code.substring(2, 7), kind, Long.parseLong(code.substring(7, 12))));
    }
}
