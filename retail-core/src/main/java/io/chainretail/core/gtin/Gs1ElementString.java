package io.chainretail.core.gtin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A GS1 element string, as GS1-128, GS1 DataBar, GS1 DataMatrix and GS1 QR codes carry it (GS1 General
 * Specifications, section 7.8): application identifiers (AI) each followed by their data, e.g.
 * {@code 01 09501101530003 17 261231 10 LOT7}. Scanners send it raw, with GS (0x1D) ending each field of
 * variable length, or, when set to, in its human-readable form {@code (01)09501101530003(17)261231}.
 * The till needs the item's GTIN (AI 01) from it; the other fields (batch, expiry, weight) are kept.
 */
public record Gs1ElementString(Map<String, String> elements) {

    private static final char GS = 0x1D;

    public Gs1ElementString {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    /** The item's GTIN (AI 01) in the form catalogs list it: GTIN-13 when its indicator digit is 0. */
    public Optional<String> gtin() {
        String gtin14 = elements.get("01");
        if (gtin14 == null) {
            return Optional.empty();
        }
        return Optional.of(gtin14.startsWith("0") ? gtin14.substring(1) : gtin14);
    }

    /** Reads an element string, raw or in parentheses; the reason it cannot be read otherwise. */
    public static Gs1ElementString parse(String data) {
        Map<String, String> elements = data.startsWith("(") ? parseBracketed(data) : parseRaw(data);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("no GS1 element string in " + data);
        }
        String gtin = elements.get("01");
        if (gtin != null && (gtin.length() != 14 || !Gtin.isValid(gtin))) {
            String problem = gtin.length() != 14 ? "AI (01) " + gtin + " is not 14 digits" : Gtin.problem(gtin);
            throw new IllegalArgumentException(problem);
        }
        return new Gs1ElementString(elements);
    }

    private static Map<String, String> parseBracketed(String data) {
        Map<String, String> elements = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            int close = data.indexOf(')', at);
            if (data.charAt(at) != '(' || close < 0) {
                throw new IllegalArgumentException("GS1 element string " + data + " is not (AI)data...");
            }
            String ai = data.substring(at + 1, close);
            int next = data.indexOf('(', close);
            String value = data.substring(close + 1, next < 0 ? data.length() : next);
            put(elements, ai, value);
            at = next < 0 ? data.length() : next;
        }
        return elements;
    }

    private static Map<String, String> parseRaw(String data) {
        Map<String, String> elements = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            if (data.charAt(at) == GS) {
                at++;
                continue;
            }
            int aiLength = aiLength(data, at);
            String ai = data.substring(at, at + aiLength);
            int fixed = fixedDataLength(ai);
            int end = fixed > 0 ? at + aiLength + fixed : data.indexOf(GS, at + aiLength);
            if (end < 0) {
                end = data.length();
            }
            if (end > data.length()) {
                throw new IllegalArgumentException("AI (" + ai + ") needs " + fixed + " characters in " + data);
            }
            put(elements, ai, data.substring(at + aiLength, end));
            at = end;
        }
        return elements;
    }

    private static void put(Map<String, String> elements, String ai, String value) {
        if (!ai.matches("\\d{2,4}") || value.isEmpty()) {
            throw new IllegalArgumentException("GS1 element (" + ai + ")" + value + " is not an AI with data");
        }
        if (elements.putIfAbsent(ai, value) != null) {
            throw new IllegalArgumentException("AI (" + ai + ") comes twice");
        }
    }

    /** How many digits the AI starting here has, by its first two (GS1's AI table, by ranges). */
    private static int aiLength(String data, int at) {
        if (at + 2 > data.length() || !data.substring(at, at + 2).matches("\\d\\d")) {
            throw new IllegalArgumentException("no application identifier at " + data.substring(at));
        }
        int first = Integer.parseInt(data.substring(at, at + 2));
        int length = first <= 22 || first == 30 || first == 37 || first >= 90 ? 2
                : first >= 23 && first <= 29 || first >= 40 && first <= 42 ? 3 : 4;
        if (at + length > data.length()) {
            throw new IllegalArgumentException("application identifier cut short in " + data);
        }
        return length;
    }

    /** Data length of an AI whose length GS1 predefines (no GS after it), else 0. */
    private static int fixedDataLength(String ai) {
        int first = Integer.parseInt(ai.substring(0, 2));
        return switch (first) {
            case 0 -> 18;
            case 1, 2, 3 -> 14;
            case 4 -> 16;
            case 11, 12, 13, 14, 15, 16, 17, 18, 19 -> 6;
            case 20 -> 2;
            case 31, 32, 33, 34, 35, 36 -> 6;
            case 41 -> 13;
            default -> 0;
        };
    }
}
